// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import checkoutPersistCredentials from './checkout-persist-credentials/rule.js';
import deployRequiresConcurrency from './deploy-requires-concurrency/rule.js';
import deployRequiresEnvironment from './deploy-requires-environment/rule.js';
import deployRequiresTests from './deploy-requires-tests/rule.js';
import helmUpgradeWait from './helm-upgrade-wait/rule.js';
import issueCommentRequiresAuthorCheck from './issue-comment-requires-author-check/rule.js';
import jobTimeout from './job-timeout/rule.js';
import noAllSecretsExposure from './no-all-secrets-exposure/rule.js';
import noAlwaysTrueCondition from './no-always-true-condition/rule.js';
import noCacheInReleaseWorkflow from './no-cache-in-release-workflow/rule.js';
import noContinueOnErrorOnTests from './no-continue-on-error-on-tests/rule.js';
import noCurlPipeShell from './no-curl-pipe-shell/rule.js';
import noDeployOnEveryBranch from './no-deploy-on-every-branch/rule.js';
import noDeprecatedRunnerImages from './no-deprecated-runner-images/rule.js';
import noDeprecatedWorkflowCommands from './no-deprecated-workflow-commands/rule.js';
import noHardcodedContainerCredentials from './no-hardcoded-container-credentials/rule.js';
import noInsecureCommands from './no-insecure-commands/rule.js';
import noLatestImageDeploy from './no-latest-image-deploy/rule.js';
import noSecretsInherit from './no-secrets-inherit/rule.js';
import noSelfHostedRunnerOnPr from './no-self-hosted-runner-on-pr/rule.js';
import noSpoofableBotCondition from './no-spoofable-bot-condition/rule.js';
import noTemplateInjectionInRun from './no-template-injection-in-run/rule.js';
import noTemplateInjectionInScript from './no-template-injection-in-script/rule.js';
import noUnsoundContains from './no-unsound-contains/rule.js';
import noUntrustedCheckoutInPrivilegedTrigger from './no-untrusted-checkout-in-privileged-trigger/rule.js';
import noUntrustedEnvFileWrite from './no-untrusted-env-file-write/rule.js';
import noWorkflowLevelWritePermissions from './no-workflow-level-write-permissions/rule.js';
import noWriteAllPermissions from './no-write-all-permissions/rule.js';
import pinActionsToSha from './pin-actions-to-sha/rule.js';
import pinContainerImages from './pin-container-images/rule.js';
import preferOidcCredentials from './prefer-oidc-credentials/rule.js';
import requireNames from './require-names/rule.js';
import requireTopLevelPermissions from './require-top-level-permissions/rule.js';
import secretsOutsideEnvironment from './secrets-outside-environment/rule.js';
import useTrustedPublishing from './use-trusted-publishing/rule.js';

export const rules: AnyRule[] = [
  checkoutPersistCredentials,
  deployRequiresConcurrency,
  deployRequiresEnvironment,
  deployRequiresTests,
  helmUpgradeWait,
  issueCommentRequiresAuthorCheck,
  jobTimeout,
  noAllSecretsExposure,
  noAlwaysTrueCondition,
  noCacheInReleaseWorkflow,
  noContinueOnErrorOnTests,
  noCurlPipeShell,
  noDeployOnEveryBranch,
  noDeprecatedRunnerImages,
  noDeprecatedWorkflowCommands,
  noHardcodedContainerCredentials,
  noInsecureCommands,
  noLatestImageDeploy,
  noSecretsInherit,
  noSelfHostedRunnerOnPr,
  noSpoofableBotCondition,
  noTemplateInjectionInRun,
  noTemplateInjectionInScript,
  noUnsoundContains,
  noUntrustedCheckoutInPrivilegedTrigger,
  noUntrustedEnvFileWrite,
  noWorkflowLevelWritePermissions,
  noWriteAllPermissions,
  pinActionsToSha,
  pinContainerImages,
  preferOidcCredentials,
  requireNames,
  requireTopLevelPermissions,
  secretsOutsideEnvironment,
  useTrustedPublishing,
];
