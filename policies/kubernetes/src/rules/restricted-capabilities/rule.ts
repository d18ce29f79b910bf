import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { addedCapabilities, BASELINE_CAPABILITIES, containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/restricted-capabilities',
  domain: k8sDomain,
  meta: {
    title: 'Container adds a capability the restricted profile forbids',
    description:
      'A container adds a capability of the baseline set other than `NET_BIND_SERVICE` (`CHOWN`, `SETUID`, `SETGID`, `DAC_OVERRIDE`, `FOWNER`, `KILL`...). Capabilities outside the baseline set are `k8s/no-added-capabilities`’ finding, and not dropping `ALL` is `k8s/require-drop-all-capabilities`’. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: the restricted Pod Security Standard allows adding back only `NET_BIND_SERVICE`. The others are in the runtime’s default set, so adding them back after `drop: [ALL]` only restores Docker’s defaults; still, `SETUID`/`SETGID` let a process switch to any user and `DAC_OVERRIDE` ignores file permissions, which is more than most services need.',
    remediation:
      'Build the image so that the process starts as its final user with files it owns, then remove the capability; keep only `NET_BIND_SERVICE` if it must listen below 1024.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['KSV-0106'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n    - name: db\n      image: postgres:17\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: ["CHOWN", "SETUID", "SETGID"]\n',
          errors: [
            { line: 12, column: 17, endLine: 12, endColumn: 24 },
            { line: 12, column: 26, endLine: 12, endColumn: 34 },
            { line: 12, column: 36, endLine: 12, endColumn: 44 },
          ],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const cap of addedCapabilities(c)) {
        if (cap.name === 'NET_BIND_SERVICE' || !BASELINE_CAPABILITIES.has(cap.name)) continue;
        report(
          ctx,
          object,
          object.at(cap.route)!,
          `The ${c.label} of ${c.pod.label} adds \`${cap.name}\`.`,
          `${c.name}:${cap.name}`,
        );
      }
    }
  },
});
