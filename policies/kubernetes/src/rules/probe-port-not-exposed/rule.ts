import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/probe-port-not-exposed',
  domain: k8sDomain,
  meta: {
    title: 'Probe targets a port the container does not declare',
    description:
      'A liveness, readiness or startup probe (`httpGet`, `tcpSocket` or `grpc`) names a port the container does not declare: a named port missing from `ports`, or a number when the container declares other ports only.',
    rationale:
      'Medium: a named port that does not exist makes the probe fail on every attempt (the pod never becomes ready, or is restarted forever); a wrong number usually means the probe checks nothing or the wrong process. Either way the probe gives false answers.',
    remediation: 'Point the probe at a port listed in the container\'s `ports` (preferably by name), or add the port to `ports`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - {name: http, containerPort: 8080}\n      readinessProbe:\n        httpGet: {path: /ready, port: metrics}\n',
          errors: [{ line: 12, column: 39, endLine: 12, endColumn: 46 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - {name: http, containerPort: 8080}\n      readinessProbe:\n        httpGet: {path: /ready, port: http}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { kinds: ['container', 'init'] })) {
      const ports = c.ports;
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
          const port = asObj(asObj(c.data[probe])[handler]).port;
          if (port === undefined || port === null) continue;
          const route = [probe, handler, 'port'];
          const isNumber = typeof port === 'number' || /^\d+$/.test(String(port));
          if (isNumber) {
            if (ports.length === 0 || ports.some((p) => p.port === Number(port))) continue;
            report(ctx, object, c.at(route)!, `The ${probe} of the ${c.label} (${c.pod.label}) checks port ${port}, which the container does not declare.`, `${c.name}:${probe}`);
          } else {
            if (String(port).includes('{{') || ports.some((p) => p.name === port)) continue;
            report(ctx, object, c.at(route)!, `The ${probe} of the ${c.label} (${c.pod.label}) uses the port name \`${port}\`, which the container does not declare.`, `${c.name}:${probe}`);
          }
        }
      }
    }
  },
});
