import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn, WRITE_VERBS } from '../../rbac.js';

const READ_VERBS = ['get', 'list', 'watch'];

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-namespace-secret-access',
  domain: k8sDomain,
  meta: {
    title: 'Role can read or change every Secret of its namespace',
    description:
      "A namespaced Role grants any verb on `secrets` without naming them (`resourceNames`). ClusterRoles that read every Secret are `k8s/rbac-no-cluster-wide-secret-read`'s finding. Opt-in (the strict preset turns it on).",
    rationale:
      'Low: every Secret of the namespace includes the tokens and credentials of the other service accounts and applications there, so a subject with the grant can act as any of them, up to the most privileged one in the namespace. Helm, operators and secret managers need such grants, hence low and opt-in.',
    remediation:
      'Name the Secrets the subject needs with `resourceNames`, or mount them into its pod instead of reading them through the API.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0113'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]\n',
          errors: [{ line: 8, column: 17, endLine: 8, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["shop-db"]\n    verbs: ["get"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Role') return;
    for (const g of grantsOn(object, { secrets: [''] }, [...READ_VERBS, ...WRITE_VERBS])) {
      if (g.rule.resourceNames.length > 0) continue;
      report(
        ctx,
        object,
        object.at(g.route)!,
        `Role \`${object.name}\` can access every Secret of namespace \`${object.namespace}\`.`,
        g.route.join('.'),
      );
    }
  },
});
