/**
 * Fixes for the restricted securityContext settings (`k8s/require-security-context` and the five
 * rules it combines): the missing fields go into the container's own `securityContext` (created
 * after `image:` when there is none), so they touch no other container of the pod. One edit adds
 * every missing field; nothing is offered when one of them cannot be added safely.
 */
import type { EditFix, TextEdit } from '@plumbline/core';
import type { ContainerView } from '@plumbline/lang-yaml';
import { addedCapabilities, isTrue } from '../lib.js';
import { type AddMap, addToList, addToMap, indentStep, replaceScalar } from './yaml-edits.js';

/** What each rule's missing setting adds to the container's `securityContext`, in the order written. */
const ADDITIONS: readonly { ruleId: string; field: string; value: AddMap[string] }[] = [
  { ruleId: 'k8s/no-privilege-escalation', field: 'allowPrivilegeEscalation', value: false },
  { ruleId: 'k8s/require-read-only-root-fs', field: 'readOnlyRootFilesystem', value: true },
  { ruleId: 'k8s/run-as-non-root', field: 'runAsNonRoot', value: true },
  { ruleId: 'k8s/require-drop-all-capabilities', field: 'capabilities', value: { drop: ['ALL'] } },
  { ruleId: 'k8s/require-seccomp-profile', field: 'seccompProfile', value: { type: 'RuntimeDefault' } },
];

/**
 * `allowPrivilegeEscalation: false` is refused by the API server next to `privileged: true` or an
 * added `SYS_ADMIN`: a fix must not turn a finding into a manifest that does not apply.
 */
export function canForbidEscalation(c: ContainerView): boolean {
  const privileged = c.own('securityContext', 'privileged');
  return (
    !(privileged && isTrue(privileged.value)) && !addedCapabilities(c).some((a) => a.name === 'SYS_ADMIN')
  );
}

/** The edits adding the settings of `ruleIds` the container leaves unset, as one fix. */
export function hardeningFix(c: ContainerView, ruleIds: readonly string[]): EditFix | undefined {
  const wanted = ADDITIONS.filter((a) => ruleIds.includes(a.ruleId));
  if (wanted.length === 0) return undefined;
  if (ruleIds.includes('k8s/no-privilege-escalation') && !canForbidEscalation(c)) return undefined;
  const securityContext: Record<string, AddMap[string]> = {};
  for (const a of wanted) securityContext[a.field] = a.value;
  const edits = addToMap(
    c.object,
    c.route,
    { securityContext },
    { step: indentStep(c.object, c.route), after: c.data.image !== undefined ? 'image' : undefined },
  );
  if (!edits || edits.length === 0) return undefined;
  const fields = wanted.map((a) => a.field);
  return {
    description: `Harden the ${c.label}: set ${fields.map((f) => `\`${f}\``).join(', ')} in its securityContext (check that it still starts: ${caveats(fields)})`,
    edits,
  };
}

function caveats(fields: readonly string[]): string {
  const out: string[] = [];
  if (fields.includes('readOnlyRootFilesystem')) out.push('writable paths need an emptyDir');
  if (fields.includes('runAsNonRoot')) out.push('the image must run as a non-root numeric user');
  if (fields.includes('capabilities')) out.push('add back a capability it needs');
  return out.length ? out.join('; ') : 'nothing else changes';
}

/** A boolean setting of the container's securityContext written with the wrong value, flipped. */
export function flipSetting(
  c: ContainerView,
  field: string,
  value: boolean,
  description: string,
): EditFix | undefined {
  const edit = replaceScalar(c.object, [...c.route, 'securityContext', field], value);
  return edit ? { description, edits: [edit] } : undefined;
}

/** `ALL` added to a `capabilities.drop` list that names some capabilities only. */
export function dropAllFix(c: ContainerView): EditFix | undefined {
  const edit: TextEdit | undefined = addToList(
    c.object,
    [...c.route, 'securityContext', 'capabilities', 'drop'],
    'ALL',
  );
  return edit
    ? {
        description: `Drop ALL capabilities in the ${c.label} (add back with \`add:\` what it needs)`,
        edits: [edit],
      }
    : undefined;
}
