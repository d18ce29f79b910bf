import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-ssh-port',
  domain: k8sDomain,
  meta: {
    title: 'Container exposes the SSH port',
    description: 'A container declares `containerPort: 22` (TCP), the port of an SSH server.',
    rationale:
      'Medium: an SSH daemon in a container is a second, unaudited way in — its keys or passwords live in the image or a volume, and `kubectl exec` already gives audited access. Usually a debugging leftover or a VM image moved into a pod.',
    remediation:
      'Remove the SSH server and the port; use `kubectl exec` or ephemeral debug containers for access. A git or SFTP server that must listen on 22 can suppress the finding with a reason.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['kube-linter:ssh-port'],
    references: ['https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - containerPort: 22\n',
          errors: [{ line: 10, column: 26, endLine: 10, endColumn: 28 }],
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
        if (port.port !== 22 || port.protocol.toUpperCase() !== 'TCP') continue;
        report(
          ctx,
          object,
          object.at([...port.route, 'containerPort'])!,
          `The ${c.label} of ${c.pod.label} exposes port 22 (SSH).`,
          `${c.name}:22`,
        );
      }
    }
  },
});
