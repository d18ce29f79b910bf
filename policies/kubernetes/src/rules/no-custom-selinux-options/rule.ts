import { defineRule } from '@plumbline/core';
import { asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, onceEach, report } from '../../lib.js';

const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule<K8sObject>({
  id: 'k8s/no-custom-selinux-options',
  domain: k8sDomain,
  meta: {
    title: 'Custom SELinux user, role or type',
    description:
      'A container or pod sets `seLinuxOptions.user` or `role`, or a `type` other than the container types (`container_t`, `container_init_t`, `container_kvm_t`, `container_engine_t`).',
    rationale:
      'Medium: choosing the SELinux type or role can lift the label-based confinement that keeps a container away from host files and processes (`spc_t` is unconfined). The baseline Pod Security Standard forbids it.',
    remediation: 'Remove `user` and `role`, and either drop `type` or use one of the container types; keep `level` if you need MCS categories.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0025'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 8, column: 13, endLine: 8, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    seLinuxOptions:\n      level: "s0:c123,c456"\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object, { skipPartial: false })) {
      const options = c.security('seLinuxOptions');
      if (!options) continue;
      const data = asObj(options.value);
      for (const field of ['type', 'user', 'role'] as const) {
        const value = asString(data[field]);
        if (!value || (field === 'type' && ALLOWED_TYPES.has(value))) continue;
        const route = [...options.route, field];
        if (!once(route)) continue;
        report(ctx, object, object.at(route)!, `${options.from === 'pod' ? c.pod.label : `The ${c.label} of ${c.pod.label}`} sets SELinux ${field} \`${value}\`.`, `${field}:${value}`);
      }
    }
  },
});
