import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-unmasked-proc-mount',
  domain: k8sDomain,
  meta: {
    title: 'Container sees the unmasked /proc',
    description:
      'A container sets `securityContext.procMount: Unmasked`, so the runtime does not hide the sensitive parts of `/proc` (kernel settings, keys, timers).',
    rationale:
      'Medium: the masked paths are what keeps a container from reading or changing kernel state; unmasking them helps an attacker inside it, though it only makes sense with user namespaces and is rare. The baseline Pod Security Standard requires `Default`.',
    remediation: 'Remove `procMount` (or set it to `Default`).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0027', 'kube-linter:unsafe-proc-mount', 'polaris:procMount'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        procMount: Unmasked\n',
          errors: [{ line: 10, column: 20, endLine: 10, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        procMount: Default\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const setting = c.own('securityContext', 'procMount');
      if (!setting || setting.value === 'Default') continue;
      report(
        ctx,
        object,
        object.at(setting.route)!,
        `The ${c.label} of ${c.pod.label} sets \`procMount: ${String(setting.value)}\`.`,
        c.name,
      );
    }
  },
});
