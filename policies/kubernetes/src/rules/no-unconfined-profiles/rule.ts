import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, onceEach, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-unconfined-profiles',
  domain: k8sDomain,
  meta: {
    title: 'Seccomp or AppArmor explicitly disabled',
    description:
      'A container or pod sets its seccomp profile or AppArmor profile to `Unconfined` (field or legacy annotation), turning off a kernel-level sandbox the runtime would otherwise apply.',
    rationale:
      'Medium: this removes a defence the cluster may apply by default, on purpose; a container escape then needs one kernel protection fewer. The baseline Pod Security Standard forbids `Unconfined`.',
    remediation:
      'Use `RuntimeDefault`, or a `Localhost` profile that allows just the extra system calls the workload needs.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0104', 'KSV-0002'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 8, column: 13, endLine: 8, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const [what, setting] of [
        ['seccomp', c.seccompType()],
        ['AppArmor', c.appArmorType()],
      ] as const) {
        if (!setting || setting.value !== 'Unconfined' || !once(setting.route)) continue;
        const who = setting.from === 'container' ? `The ${c.label} of ${c.pod.label}` : c.pod.label;
        report(
          ctx,
          object,
          object.at(setting.route)!,
          `${who} runs with ${what} disabled (\`Unconfined\`).`,
          `${what}:${c.name}`,
        );
      }
    }
  },
});
