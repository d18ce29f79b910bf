import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-privileged-ports',
  domain: k8sDomain,
  meta: {
    title: 'Container listens on a privileged port',
    description: 'A container declares a `containerPort` below 1024. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: binding a port below 1024 traditionally needs root or `NET_BIND_SERVICE`, so such images tend to start as root or keep that capability. Current runtimes (containerd 2, CRI-O) let unprivileged processes bind low ports inside the pod’s network namespace, which removes most of the risk: opt-in.',
    remediation:
      'Listen on a port above 1024 (`8080`, `8443`) and map the well-known port on the Service (`port: 80`, `targetPort: 8080`).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['KSV-0117', 'kube-linter:privileged-ports'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n',
          errors: [{ line: 10, column: 26, endLine: 10, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginxinc/nginx-unprivileged:1.27\n      ports:\n        - containerPort: 8080\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const p of c.ports) {
        if (p.port === undefined || p.port <= 0 || p.port >= 1024) continue;
        report(
          ctx,
          object,
          object.at([...p.route, 'containerPort'])!,
          `The ${c.label} of ${c.pod.label} listens on privileged port ${p.port}.`,
          `${c.name}:${p.port}`,
        );
      }
    }
  },
});
