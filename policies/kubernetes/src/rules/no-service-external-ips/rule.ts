import { defineRule } from '@plumbline/core';
import { asArray, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-service-external-ips',
  domain: k8sDomain,
  meta: {
    title: 'Service sets externalIPs',
    description: 'A Service lists `spec.externalIPs`: every node will route traffic for those addresses to the service.',
    rationale:
      'High: whoever can create a Service with externalIPs can intercept traffic meant for any IP address, inside or outside the cluster (CVE-2020-8554, unfixed by design); legitimate uses are rare and clusters should block the field with an admission policy.',
    remediation: 'Use a `LoadBalancer` Service or an Ingress/Gateway instead, and deny `externalIPs` cluster-wide (the `DenyServiceExternalIPs` admission plugin).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0108'],
    references: ['https://github.com/kubernetes/kubernetes/issues/97076'],
    examples: {
      invalid: [
        {
          filename: 'k8s/svc.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n  externalIPs:\n    - 198.51.100.7\n',
          errors: [{ line: 9, column: 3, endLine: 9, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/svc.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service' || asArray(object.get(['spec', 'externalIPs'])).length === 0) return;
    report(ctx, object, object.keyAt(['spec', 'externalIPs'])!, `Service \`${object.name}\` claims external IPs.`, 'externalIPs');
  },
});
