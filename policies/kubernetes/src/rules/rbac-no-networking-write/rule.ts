import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn, WRITE_VERBS } from '../../rbac.js';

/** Resources that decide where traffic goes, with the API groups that serve them. */
const NETWORKING: Record<string, string[]> = {
  services: [''],
  endpoints: [''],
  endpointslices: ['discovery.k8s.io'],
  networkpolicies: ['networking.k8s.io', 'extensions'],
  ingresses: ['networking.k8s.io', 'extensions'],
};

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-networking-write',
  domain: k8sDomain,
  meta: {
    title: 'Role can change where traffic goes',
    description:
      'A Role or ClusterRole grants a write verb on `services`, `endpoints`, `endpointslices`, `networkpolicies` or `ingresses`. Opt-in (the strict preset turns it on).',
    rationale:
      'Medium: whoever writes Endpoints or Services can point a service name at a pod of their choosing and intercept its traffic; whoever writes NetworkPolicies can lift the isolation that keeps a compromised pod from moving on. Operators and ingress controllers often hold such grants by design, which is why the rule is opt-in.',
    remediation:
      'Grant `get`, `list` and `watch` only, or restrict the write to named objects with `resourceNames`; leave NetworkPolicy changes to the platform team.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0056'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["networking.k8s.io"]\n    resources: ["networkpolicies"]\n    verbs: ["create", "delete"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["networking.k8s.io"]\n    resources: ["networkpolicies", "ingresses"]\n    verbs: ["get", "list", "watch"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const g of grantsOn(object, NETWORKING, WRITE_VERBS)) {
      if (g.rule.resourceNames.length > 0) continue;
      report(
        ctx,
        object,
        object.at(g.route)!,
        `${object.kind} \`${object.name}\` can change \`${g.resource}\`.`,
        g.route.join('.'),
      );
    }
  },
});
