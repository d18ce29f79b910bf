import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { sourceOffset } from '../../prometheus.js';
import { isBinding } from '../../rbac.js';

const MASTERS = 'system:masters';

export default defineRule<K8sObject>({
  id: 'k8s/no-system-masters-group',
  domain: k8sDomain,
  meta: {
    title: 'Identity placed in the system:masters group',
    description:
      'The EKS `aws-auth` ConfigMap maps an IAM role or user to the `system:masters` group, or a RoleBinding or ClusterRoleBinding names `system:masters` as a subject.',
    rationale:
      'High: members of `system:masters` bypass RBAC and admission webhooks entirely, and no Role, binding or deletion can take that power back while the mapping (or client certificate) exists. A binding to the group grants nothing it does not already have — reported at medium, as a sign that someone relies on the group — while an `aws-auth` mapping makes an IAM identity an irrevocable cluster-admin.',
    remediation:
      'Map administrators to a group of your own bound to `cluster-admin` (or use EKS access entries with an access policy), so access can be reviewed and revoked through RBAC; drop bindings that name `system:masters`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0123'],
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/aws-auth.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/ci-deployer\n      username: ci\n      groups:\n        - system:masters\n',
          errors: [{ line: 11, column: 11, endLine: 11, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/aws-auth.yaml',
          code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/ci-deployer\n      username: ci\n      groups:\n        - platform-admins\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (isBinding(object)) {
      asArray(object.data.subjects).forEach((s, i) => {
        if (asString(asObj(s).name) !== MASTERS) return;
        ctx.report({
          at: object.at(['subjects', i, 'name'])!,
          message: `${object.kind} \`${object.name}\` names the \`system:masters\` group as a subject.`,
          container: object.loc,
          evidence: `subject:${i}`,
          severity: 'medium',
        });
      });
      return;
    }
    if (object.kind !== 'ConfigMap' || object.name !== 'aws-auth') return;
    for (const key of ['mapRoles', 'mapUsers']) {
      const value = asString(asObj(object.data.data)[key]);
      const loc = object.at(['data', key]);
      if (!value || !loc) continue;
      for (const match of value.matchAll(/system:masters\b/g)) {
        const start = sourceOffset(loc, value, match.index);
        const at = start === undefined ? loc : { file: loc.file, start, end: start + MASTERS.length };
        report(
          ctx,
          object,
          at,
          `The \`aws-auth\` ConfigMap maps an IAM identity in \`${key}\` to \`system:masters\`.`,
          `${key}:${match.index}`,
        );
      }
    }
  },
});
