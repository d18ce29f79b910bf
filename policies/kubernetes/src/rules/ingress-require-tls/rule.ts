import { defineRule } from '@plumbline/core';
import { asArray, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

/** Annotations by which a cloud load balancer terminates TLS without `spec.tls`. */
const LB_TLS = /(certificate-arn|pre-shared-cert|ssl-cert|managed-certificates|appgw-ssl-certificate)/;

export default defineRule<K8sObject>({
  id: 'k8s/ingress-require-tls',
  domain: k8sDomain,
  meta: {
    title: 'Ingress without TLS',
    description: 'An Ingress has no `spec.tls` section (and no cloud load-balancer certificate annotation), so its hosts are served over plain HTTP.',
    rationale:
      'Medium: credentials, session cookies and data cross the internet in clear text and can be altered on the way. Confidence medium: TLS may be terminated by a load balancer in front that the manifest does not show.',
    remediation: 'Add `spec.tls` with the hosts and a certificate Secret (cert-manager can issue and renew it), and redirect HTTP to HTTPS.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['polaris:tlsSettingsMissing'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
    examples: {
      invalid: [
        {
          filename: 'k8s/ingress.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: shop.example.com\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/ingress.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:\n    - host: shop.example.com\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Ingress' || !(object.group === 'networking.k8s.io' || object.group === 'extensions') || object.partial) return;
    if (asArray(object.get(['spec', 'tls'])).length > 0) return;
    if (Object.keys(object.annotations).some((k) => LB_TLS.test(k))) return;
    report(ctx, object, object.keyAt(['spec']) ?? object.head, `Ingress \`${object.name}\` serves its hosts without TLS.`, 'tls');
  },
});
