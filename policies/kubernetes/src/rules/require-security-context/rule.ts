import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hardeningFix } from '../../fix/hardening-fix.js';
import { missingHardening } from '../../hardening.js';
import { containersOf, list } from '../../lib.js';
import noPrivilegeEscalation from '../no-privilege-escalation/rule.js';
import requireDropAllCapabilities from '../require-drop-all-capabilities/rule.js';
import requireReadOnlyRootFs from '../require-read-only-root-fs/rule.js';
import requireSeccompProfile from '../require-seccomp-profile/rule.js';
import runAsNonRoot from '../run-as-non-root/rule.js';

const OWNERS = [
  requireSeccompProfile,
  requireReadOnlyRootFs,
  noPrivilegeEscalation,
  requireDropAllCapabilities,
  runAsNonRoot,
];

export default defineRule<K8sObject>({
  id: 'k8s/require-security-context',
  domain: k8sDomain,
  meta: {
    title: 'Container leaves several securityContext hardening settings unset',
    description:
      'A container (with its pod) leaves two or more of the restricted Pod Security Standard settings unset: `seccompProfile: RuntimeDefault`, `readOnlyRootFilesystem: true`, `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`, `runAsNonRoot: true`. One finding lists them all.',
    rationale:
      'One cause, one finding: a container nobody hardened misses all five settings at once, and five findings on its `name:` line say the same thing five times (a pull request got five inline comments per container). This finding lists what is missing; each setting keeps its own rule (`k8s/require-seccomp-profile`, `k8s/require-read-only-root-fs`, `k8s/no-privilege-escalation`, `k8s/require-drop-all-capabilities`, `k8s/run-as-non-root`), which reports a setting present with a bad value, or the only setting left unset. Turning one of those rules off, or suppressing it by its id or a peer alias (`CKV_K8S_20`, `KSV-0012`, ...), removes that setting from this list. Severity: that of the worst missing setting (medium for privilege escalation and non-root, low for the others), as its own rule would have reported it.',
    remediation:
      'Give the container a `securityContext` with `allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true` and `capabilities: {drop: ["ALL"]}`, and the pod `securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    fixable: true,
    aliases: ['KSV-0118'],
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n        capabilities:\n          drop: ["ALL"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object)) {
      const missing = missingHardening(c);
      if (missing.length < 2) continue;
      const items = missing.map((s) => ({
        ruleId: s.ruleId,
        label: s.label,
        severity: OWNERS.find((r) => r.id === s.ruleId)!.meta.severity,
      }));
      const message = (labels: readonly string[]) =>
        labels.length === 1
          ? `The ${c.label} of ${c.pod.label} leaves ${labels[0]} unset.`
          : `The ${c.label} of ${c.pod.label} leaves ${labels.length} hardening settings unset: ${list([...labels])}.`;
      // One edit adds every setting still listed (a part turned off or suppressed is left out).
      const fix = (ruleIds: readonly string[]) => hardeningFix(c, ruleIds);
      const all = fix(items.map((i) => i.ruleId));
      ctx.report({
        at: c.keyAt(['securityContext']) ?? c.anchor,
        message: message(items.map((i) => i.label)),
        evidence: c.name,
        container: object.loc,
        ...(all ? { fix: all } : {}),
        parts: { items, message, fix },
      });
    }
  },
});
