import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/service-target-port-mismatch',
  domain: k8sDomain,
  meta: {
    title: 'Service targetPort not exposed by the selected pods',
    description:
      'A Service port forwards to a `targetPort` (a name, or a number when the pods declare their ports) that no container of the pods it selects declares.',
    rationale:
      'Medium: traffic reaches the pod on a port nothing listens on (or, for a name, is not forwarded at all), so the Service fails while the pods look healthy.',
    remediation: 'Set `targetPort` to a port name (or number) that the container declares in `ports`; naming ports on both sides avoids the drift.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: http\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      ports:\n        - {name: web, containerPort: 8080}\n',
          errors: [{ line: 9, column: 19, endLine: 9, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: http\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      ports:\n        - {name: http, containerPort: 8080}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const selector = asObj(object.get(['spec', 'selector']));
    if (Object.keys(selector).length === 0) return;
    const pods = k8sGraph(ctx.project)
      .podsSelectedBy(object.namespace, selector)
      .filter((p) => !p.object.partial);
    if (pods.length === 0) return;
    const containerPorts = pods.flatMap((p) => p.containers.filter((c) => c.kind !== 'ephemeral').flatMap((c) => c.ports));
    asArray(object.get(['spec', 'ports'])).forEach((raw, i) => {
      const port = asObj(raw);
      const target = port.targetPort ?? port.port;
      if (target === undefined || target === null) return;
      const isNumber = typeof target === 'number' || /^\d+$/.test(String(target));
      const route = ['spec', 'ports', i, port.targetPort !== undefined ? 'targetPort' : 'port'];
      if (isNumber) {
        if (containerPorts.length === 0 || containerPorts.some((p) => p.port === Number(target))) return;
        report(ctx, object, object.at(route)!, `Service \`${object.name}\` forwards to port ${target}, which none of its pods declare.`, String(target));
      } else {
        const name = asString(target) ?? '';
        if (name.includes('{{') || containerPorts.some((p) => p.name === name)) return;
        report(ctx, object, object.at(route)!, `Service \`${object.name}\` forwards to the port name \`${name}\`, which none of its pods declare.`, name);
      }
    });
  },
});
