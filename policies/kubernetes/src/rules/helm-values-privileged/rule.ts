import { defineRule } from '@plumbline/core';
import { helmValuesDomain, valuesMaps } from '../../helm-values.js';

export default defineRule({
  id: 'k8s/helm-values-privileged',
  domain: helmValuesDomain,
  meta: {
    title: 'Helm values turn on privileged mode',
    description: 'A values file sets `privileged: true`, read without rendering the chart.',
    rationale:
      'High, low confidence: a privileged container is root on the node. Read from values alone: the chart decides where the key lands, usually a container `securityContext`.',
    remediation: 'Remove `privileged: true`; grant the one capability the workload needs instead.',
    category: 'security',
    severity: 'high',
    confidence: 'low',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'charts/agent/values.yaml',
          code: 'securityContext:\n  privileged: true\n',
          errors: [{ line: 2, column: 15, endLine: 2, endColumn: 19 }],
        },
      ],
      valid: [
        {
          filename: 'charts/agent/values.yaml',
          code: 'securityContext:\n  privileged: false\n  allowPrivilegeEscalation: false\n',
        },
      ],
    },
  },
  check(doc, ctx) {
    for (const { route, map } of valuesMaps(doc.data)) {
      if (map.privileged !== true) continue;
      // A PodSecurityPolicy that allows privileged pods is a cluster policy, not a container setting.
      if (route.some((seg) => /^(podSecurityPolicy|psp)$/i.test(String(seg)))) continue;
      const key = [...route, 'privileged'];
      const at = doc.at(key);
      if (at) ctx.report({ at, message: `\`${key.join('.')}\` is \`true\`.`, evidence: key.join('.') });
    }
  },
});
