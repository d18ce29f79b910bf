import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { canForbidEscalation, flipSetting, hardeningFix } from '../../fix/hardening-fix.js';
import { reportWithFix } from '../../fix/report.js';
import { reportsMissingAlone } from '../../hardening.js';
import { containersOf, isWindows } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-privilege-escalation',
  domain: k8sDomain,
  meta: {
    title: 'Container may gain more privileges than its parent process',
    description:
      'A container does not set `securityContext.allowPrivilegeEscalation: false`, so setuid binaries (`sudo`, `su`, `ping` on some images) can raise the privileges of a process inside it.',
    rationale:
      'Medium: on its own it needs a setuid binary and a foothold in the container, but it turns a compromised unprivileged process into root inside the container, one step from the host. The Pod Security Standards restricted profile requires `false`. When the container leaves two or more of the five restricted settings unset, `k8s/require-security-context` reports them together (the id and aliases of this rule still suppress this setting there).',
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on every container (it is per container, not per pod).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    fixable: true,
    aliases: [
      'CKV_K8S_20',
      'KSV-0001',
      'kube-linter:privilege-escalation-container',
      'polaris:privilegeEscalationAllowed',
    ],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        allowPrivilegeEscalation: true\n',
          errors: [{ line: 10, column: 35, endLine: 10, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        allowPrivilegeEscalation: false\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object)) {
      if (isWindows(c.pod)) continue;
      const setting = c.own('securityContext', 'allowPrivilegeEscalation');
      if (setting?.value === false || setting?.value === 'false') continue;
      if (setting) {
        reportWithFix(
          ctx,
          object,
          object.at(setting.route)!,
          `The ${c.label} of ${c.pod.label} allows privilege escalation.`,
          c.name,
          canForbidEscalation(c)
            ? flipSetting(
                c,
                'allowPrivilegeEscalation',
                false,
                `Forbid privilege escalation in the ${c.label}`,
              )
            : undefined,
        );
      } else if (reportsMissingAlone(c, 'k8s/no-privilege-escalation')) {
        const at = c.keyAt(['securityContext']) ?? c.anchor;
        reportWithFix(
          ctx,
          object,
          at,
          `The ${c.label} of ${c.pod.label} does not set \`allowPrivilegeEscalation: false\`.`,
          c.name,
          hardeningFix(c, ['k8s/no-privilege-escalation']),
        );
      }
    }
  },
});
