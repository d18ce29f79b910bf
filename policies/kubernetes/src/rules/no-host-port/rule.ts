import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf } from '../../lib.js';
import { reportSystemAware } from '../../system-workloads.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-host-port',
  domain: k8sDomain,
  meta: {
    title: 'Container binds a port on the node',
    description: "A container port sets `hostPort`, so the port is opened on the node's own address.",
    rationale:
      'Medium: the port bypasses Services and most NetworkPolicy implementations, is reachable by anything that can reach the node, and limits scheduling to one such pod per node. The baseline Pod Security Standard disallows host ports by default. In a system namespace (`kube-system`, `kube-public`, `kube-node-lease`), and for a DaemonSet in `monitoring`, the finding is still reported but with low confidence and a note saying why: Polaris’s default configuration exempts the control-plane components, kube-proxy and kube-dns in `kube-system` from this check (`hostPortSet`). A system name alone in another namespace does not lower it.',
    remediation:
      'Remove `hostPort` and expose the pod through a Service (ClusterIP, or NodePort/LoadBalancer with source ranges when it must be reachable from outside).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_K8S_26', 'KSV-0024', 'polaris:hostPortSet'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - containerPort: 8080\n          hostPort: 80\n',
          errors: [{ line: 11, column: 21, endLine: 11, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - containerPort: 8080\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const port of c.ports) {
        if (!port.hostPort) continue;
        reportSystemAware(
          ctx,
          'k8s/no-host-port',
          object,
          object.at([...port.route, 'hostPort'])!,
          `The ${c.label} of ${c.pod.label} binds host port ${port.hostPort}.`,
          `${c.name}:${port.hostPort}`,
        );
      }
    }
  },
});
