// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import noAddedCapabilities from './no-added-capabilities/rule.js';
import noDangerousCapabilities from './no-dangerous-capabilities/rule.js';
import noDefaultServiceAccount from './no-default-service-account/rule.js';
import noHostIpc from './no-host-ipc/rule.js';
import noHostNetwork from './no-host-network/rule.js';
import noHostPath from './no-host-path/rule.js';
import noHostPid from './no-host-pid/rule.js';
import noHostPort from './no-host-port/rule.js';
import noPrivilegeEscalation from './no-privilege-escalation/rule.js';
import noPrivilegedContainer from './no-privileged-container/rule.js';
import noRootUser from './no-root-user/rule.js';
import noSecretsInEnv from './no-secrets-in-env/rule.js';
import noSensitiveHostPath from './no-sensitive-host-path/rule.js';
import noServiceAccountTokenAutomount from './no-service-account-token-automount/rule.js';
import noUnconfinedProfiles from './no-unconfined-profiles/rule.js';
import noUnmaskedProcMount from './no-unmasked-proc-mount/rule.js';
import noUnsafeSysctls from './no-unsafe-sysctls/rule.js';
import preferSecretFiles from './prefer-secret-files/rule.js';
import requireDropAllCapabilities from './require-drop-all-capabilities/rule.js';
import requireProbes from './require-probes/rule.js';
import requireReadOnlyRootFs from './require-read-only-root-fs/rule.js';
import requireResources from './require-resources/rule.js';
import requireSeccompProfile from './require-seccomp-profile/rule.js';
import runAsNonRoot from './run-as-non-root/rule.js';

export const rules: AnyRule[] = [noAddedCapabilities, noDangerousCapabilities, noDefaultServiceAccount, noHostIpc, noHostNetwork, noHostPath, noHostPid, noHostPort, noPrivilegeEscalation, noPrivilegedContainer, noRootUser, noSecretsInEnv, noSensitiveHostPath, noServiceAccountTokenAutomount, noUnconfinedProfiles, noUnmaskedProcMount, noUnsafeSysctls, preferSecretFiles, requireDropAllCapabilities, requireProbes, requireReadOnlyRootFs, requireResources, requireSeccompProfile, runAsNonRoot];
