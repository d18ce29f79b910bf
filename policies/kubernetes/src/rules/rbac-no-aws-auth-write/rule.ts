import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn, WRITE_VERBS } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-aws-auth-write',
  domain: k8sDomain,
  meta: {
    title: 'Role can change the EKS aws-auth ConfigMap',
    description:
      'A Role or ClusterRole grants a write verb (`create`, `update`, `patch`, `delete`, `deletecollection` or `*`) on the `configmaps` named `aws-auth`.',
    rationale:
      'Critical: on EKS, `kube-system/aws-auth` maps IAM roles and users to Kubernetes groups; whoever edits it can map their own IAM identity to `system:masters` and become cluster-admin, or lock every administrator out.',
    remediation:
      'Manage `aws-auth` (or better, EKS access entries) from infrastructure code run by administrators; no in-cluster role should write it.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['KSV-0115'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: node-bootstrapper\n  namespace: kube-system\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    resourceNames: ["aws-auth"]\n    verbs: ["get", "patch"]\n',
          errors: [{ line: 9, column: 21, endLine: 9, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: auth-auditor\n  namespace: kube-system\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    resourceNames: ["aws-auth"]\n    verbs: ["get"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const g of grantsOn(object, { configmaps: [''] }, WRITE_VERBS)) {
      const i = g.rule.resourceNames.indexOf('aws-auth');
      if (i < 0) continue;
      report(
        ctx,
        object,
        object.at([...g.rule.route, 'resourceNames', i])!,
        `${object.kind} \`${object.name}\` can change the \`aws-auth\` ConfigMap.`,
        g.rule.route.join('.'),
      );
    }
  },
});
