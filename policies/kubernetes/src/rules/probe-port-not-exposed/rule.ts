import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, report } from '../../lib.js';

/** A valid port name (IANA_SVC_NAME). */
const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export default defineRule<K8sObject>({
  id: 'k8s/probe-port-not-exposed',
  domain: k8sDomain,
  meta: {
    title: 'Probe names a port the container does not declare',
    description:
      "A liveness, readiness or startup probe (`httpGet`, `tcpSocket` or `grpc`) refers to its port by a name that the container's `ports` do not declare. (Numeric ports are not reported: they work whether declared or not.)",
    rationale:
      'Medium: a named port that does not exist makes the probe fail on every attempt, so the pod never becomes ready or is restarted forever — usually after a port was renamed on one side only.',
    remediation: "Use a port name listed in the container's `ports`, or add the named port there.",
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    ],
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
          // A numeric port works whether or not it is declared (\`ports\` is informational).
          // Templated or invalid names (`${PORT}`, `PORT`) are placeholders filled in later.
          if (
            isNumber ||
            isTemplated(String(port)) ||
            !PORT_NAME.test(String(port)) ||
            ports.some((p) => p.name === port)
          )
            continue;
          report(
            ctx,
            object,
            c.at(route)!,
            `The ${probe} of the ${c.label} (${c.pod.label}) uses the port name \`${port}\`, which the container does not declare.`,
            `${c.name}:${probe}`,
          );
        }
      }
    }
  },
});
