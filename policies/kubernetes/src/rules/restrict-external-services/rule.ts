import { defineRule } from '@plumbline/core';
import { asArray, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

/** Annotations that make a cloud load balancer internal (no public address). */
const INTERNAL = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/],
] as const;

export default defineRule<K8sObject>({
  id: 'k8s/restrict-external-services',
  domain: k8sDomain,
  meta: {
    title: 'Service exposed outside the cluster without source restriction',
    description:
      'A Service of type `LoadBalancer` sets no `loadBalancerSourceRanges` (and no internal-load-balancer annotation), or a Service of type `NodePort` opens its port on every node.',
    rationale:
      'Medium: the service becomes reachable from the internet (or the whole VPC for NodePorts), bypassing the ingress controller, its TLS and its authentication. Often intended for public endpoints, hence medium.',
    remediation: 'Expose HTTP through an Ingress/Gateway; for a load balancer set `loadBalancerSourceRanges` or make it internal; avoid NodePort outside development clusters.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['kube-linter:exposed-services', 'kube-score:service-type'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'],
    examples: {
      invalid: [
        {
          filename: 'k8s/svc.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports:\n    - port: 443\n',
          errors: [{ line: 6, column: 9, endLine: 6, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/svc.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: ["203.0.113.0/24"]\n  selector: {app: web}\n  ports:\n    - port: 443\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const type = asString(object.get(['spec', 'type']));
    if (type === 'NodePort') {
      report(ctx, object, object.at(['spec', 'type'])!, `Service \`${object.name}\` opens a NodePort on every node.`, type);
    } else if (type === 'LoadBalancer') {
      if (asArray(object.get(['spec', 'loadBalancerSourceRanges'])).length > 0) return;
      if (INTERNAL.some(([key, value]) => value.test(object.annotations[key] ?? ''))) return;
      report(ctx, object, object.at(['spec', 'type'])!, `Service \`${object.name}\` is a load balancer open to any source address.`, type);
    }
  },
});
