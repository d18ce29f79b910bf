import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject, k8sGraph, podSpecsOf } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isTemplated, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/service-target-port-mismatch',
  domain: k8sDomain,
  meta: {
    title: 'Service targetPort names a port the selected pods do not declare',
    description:
      'A Service port forwards to a named `targetPort` that no container of the pods it selects declares. (Numeric target ports are not reported: they reach the pod whether declared or not.)',
    rationale:
      'Medium: a port name that no pod declares gives the Service no endpoint port, so every request fails while the pods look healthy.',
    remediation:
      'Set `targetPort` to a port name that the container declares in `ports` (or to the port number).',
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
    const graph = k8sGraph(ctx.project, object);
    const pods = graph.podsSelectedBy(object.namespace, selector).filter((p) => !p.object.partial);
    if (pods.length === 0) return;
    // Kustomize patches of the selected workloads may add containers (a metrics proxy sidecar...).
    const selected = new Set(pods.map((p) => `${p.object.kind}/${p.object.name}`));
    const patches = graph.objects
      .filter((o) => o.partial && selected.has(`${o.kind}/${o.name}`))
      .flatMap((o) => podSpecsOf(o));
    const containerPorts = [...pods, ...patches].flatMap((p) =>
      p.containers.filter((c) => c.kind !== 'ephemeral').flatMap((c) => c.ports),
    );
    asArray(object.get(['spec', 'ports'])).forEach((raw, i) => {
      const port = asObj(raw);
      const target = port.targetPort ?? port.port;
      if (target === undefined || target === null) return;
      const isNumber = typeof target === 'number' || /^\d+$/.test(String(target));
      const route = ['spec', 'ports', i, port.targetPort !== undefined ? 'targetPort' : 'port'];
      // A numeric targetPort reaches the pod whether or not the container declares it.
      if (isNumber) return;
      const name = asString(target) ?? '';
      if (
        isTemplated(name) ||
        !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) ||
        containerPorts.some((p) => p.name === name)
      )
        return;
      report(
        ctx,
        object,
        object.at(route)!,
        `Service \`${object.name}\` forwards to the port name \`${name}\`, which none of its pods declare.`,
        name,
      );
    });
  },
});
