import type { ContainerView } from '@plumbline/lang-yaml';
import { capabilityName, isWindows } from './lib.js';

/**
 * The five securityContext settings of the restricted Pod Security Standard that a container
 * states or leaves unset. When a container leaves two or more unset, `k8s/require-security-context`
 * reports them as one finding listing them (one cause: nobody hardened this container); when only
 * one is unset, its own rule reports it. A setting present with a bad value is always its own
 * rule's finding.
 */
export interface HardeningSetting {
  /** The rule that owns the setting (a part of the combined finding is suppressible by its ids). */
  ruleId: string;
  /** How the missing setting reads in a message. */
  label: string;
  /** Whether the setting concerns this container at all (kind, operating system). */
  applies(c: ContainerView): boolean;
  /** True when the container (or its pod, for pod-level fields) does not state the setting. */
  missing(c: ContainerView): boolean;
}

const linux = (c: ContainerView) => !isWindows(c.pod);

export const HARDENING_SETTINGS: readonly HardeningSetting[] = [
  {
    ruleId: 'k8s/require-seccomp-profile',
    label: '`seccompProfile: RuntimeDefault`',
    applies: linux,
    missing: (c) => !c.seccompType(),
  },
  {
    ruleId: 'k8s/require-read-only-root-fs',
    label: '`readOnlyRootFilesystem: true`',
    applies: (c) => linux(c) && c.kind !== 'ephemeral',
    missing: (c) => !c.own('securityContext', 'readOnlyRootFilesystem'),
  },
  {
    ruleId: 'k8s/no-privilege-escalation',
    label: '`allowPrivilegeEscalation: false`',
    applies: linux,
    missing: (c) => !c.own('securityContext', 'allowPrivilegeEscalation'),
  },
  {
    ruleId: 'k8s/require-drop-all-capabilities',
    label: '`capabilities.drop: [ALL]`',
    applies: linux,
    missing: (c) => !c.own('securityContext', 'capabilities', 'drop'),
  },
  {
    ruleId: 'k8s/run-as-non-root',
    label: '`runAsNonRoot: true`',
    applies: linux,
    missing: (c) => !c.security('runAsNonRoot') && !c.security('runAsUser'),
  },
];

/** The settings this container leaves unset, in the order above. */
export function missingHardening(c: ContainerView): HardeningSetting[] {
  return HARDENING_SETTINGS.filter((s) => s.applies(c) && s.missing(c));
}

/**
 * Whether the rule owning `ruleId` reports the missing setting itself: it does when that setting
 * is the only one the container leaves unset (otherwise the combined finding lists it).
 */
export function reportsMissingAlone(c: ContainerView, ruleId: string): boolean {
  const missing = missingHardening(c);
  return missing.length === 1 && missing[0]!.ruleId === ruleId;
}

/** `capabilities.drop` as written lists ALL. */
export function dropsAll(c: ContainerView): boolean {
  const drop = c.own<unknown[]>('securityContext', 'capabilities', 'drop');
  return !!drop && Array.isArray(drop.value) && drop.value.some((v) => capabilityName(v) === 'ALL');
}
