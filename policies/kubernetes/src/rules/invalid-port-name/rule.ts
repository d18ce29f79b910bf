import { defineRule } from '@plumbline/core';
import { asArray, isObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, report } from '../../lib.js';

/**
 * Why a port name is not an IANA service name (RFC 6335 §5.1, what the API server validates):
 * at most 15 characters of a-z, 0-9 and '-', at least one letter, no '-' at either end or twice.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'longer than 15 characters';
  if (!/^[a-z0-9-]+$/.test(name)) return 'only lowercase letters, digits and `-` are allowed';
  if (!/[a-z]/.test(name)) return 'it needs at least one letter';
  if (name.startsWith('-') || name.endsWith('-')) return 'it may not start or end with `-`';
  if (name.includes('--')) return 'it may not contain `--`';
  return undefined;
}

/** `PORT`, `METRICS_PORT`: a placeholder a tutorial or script substitutes before applying. */
const placeholder = (value: string) => isTemplated(value) || /^[A-Z][A-Z0-9_]*$/.test(value);

export default defineRule<K8sObject>({
  id: 'k8s/invalid-port-name',
  domain: k8sDomain,
  meta: {
    title: 'Port name is not a valid IANA service name',
    description:
      'A container port `name`, or a Service `targetPort` given by name, is not a valid IANA service name: at most 15 characters, lowercase letters, digits and `-`, at least one letter, no `-` at either end or twice in a row.',
    rationale:
      'Medium: the API server rejects the object, so the apply fails (in a GitOps pipeline the whole sync stops). Names longer than 15 characters — `metrics-exporter-http` — are the usual cause, and they pass every YAML check.',
    remediation:
      'Shorten or rename the port (`http-metrics`, `grpc`), and use the same name in the Service `targetPort` and probes.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['kube-linter:invalid-target-ports'],
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
      'https://www.rfc-editor.org/rfc/rfc6335#section-5.1',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - name: prometheus-metrics\n          containerPort: 9102\n',
          errors: [{ line: 10, column: 17, endLine: 10, endColumn: 35 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports:\n        - name: metrics\n          containerPort: 9102\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const port of c.ports) {
        const problem =
          port.name !== undefined && !placeholder(port.name) ? portNameProblem(port.name) : undefined;
        if (!problem) continue;
        report(
          ctx,
          object,
          object.at([...port.route, 'name'])!,
          `Port name \`${port.name}\` of the ${c.label} of ${c.pod.label} is not a valid IANA service name: ${problem}.`,
          port.name,
        );
      }
    }
    if (object.kind !== 'Service' || object.group !== '') return;
    asArray(object.get(['spec', 'ports'])).forEach((p, i) => {
      const target = isObj(p) ? p.targetPort : undefined;
      if (typeof target !== 'string' || /^\d+$/.test(target) || placeholder(target)) return;
      const problem = portNameProblem(target);
      if (!problem) return;
      report(
        ctx,
        object,
        object.at(['spec', 'ports', i, 'targetPort'])!,
        `Service \`${object.name}\` targets port name \`${target}\`, which is not a valid IANA service name: ${problem}.`,
        target,
      );
    });
  },
});
