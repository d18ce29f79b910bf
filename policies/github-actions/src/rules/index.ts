// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import issueCommentRequiresAuthorCheck from './issue-comment-requires-author-check/rule.js';
import noAlwaysTrueCondition from './no-always-true-condition/rule.js';
import noDeprecatedWorkflowCommands from './no-deprecated-workflow-commands/rule.js';
import noInsecureCommands from './no-insecure-commands/rule.js';
import noSpoofableBotCondition from './no-spoofable-bot-condition/rule.js';
import noTemplateInjectionInRun from './no-template-injection-in-run/rule.js';
import noTemplateInjectionInScript from './no-template-injection-in-script/rule.js';
import noUnsoundContains from './no-unsound-contains/rule.js';
import noUntrustedCheckoutInPrivilegedTrigger from './no-untrusted-checkout-in-privileged-trigger/rule.js';
import noUntrustedEnvFileWrite from './no-untrusted-env-file-write/rule.js';
import noWorkflowLevelWritePermissions from './no-workflow-level-write-permissions/rule.js';
import noWriteAllPermissions from './no-write-all-permissions/rule.js';
import pinActionsToSha from './pin-actions-to-sha/rule.js';
import requireTopLevelPermissions from './require-top-level-permissions/rule.js';

export const rules: AnyRule[] = [
  issueCommentRequiresAuthorCheck,
  noAlwaysTrueCondition,
  noDeprecatedWorkflowCommands,
  noInsecureCommands,
  noSpoofableBotCondition,
  noTemplateInjectionInRun,
  noTemplateInjectionInScript,
  noUnsoundContains,
  noUntrustedCheckoutInPrivilegedTrigger,
  noUntrustedEnvFileWrite,
  noWorkflowLevelWritePermissions,
  noWriteAllPermissions,
  pinActionsToSha,
  requireTopLevelPermissions,
];
