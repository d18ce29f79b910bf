import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grants, policyRules } from '../../rbac.js';

/** Workload resources and the API groups that serve them (`pipelines.kubeflow.org` jobs are no batch Jobs). */
const WORKLOADS: Record<string, string[]> = {
  pods: [''],
  replicationcontrollers: [''],
  deployments: ['apps', 'extensions'],
  statefulsets: ['apps'],
  daemonsets: ['apps', 'extensions'],
  replicasets: ['apps', 'extensions'],
  jobs: ['batch'],
  cronjobs: ['batch'],
};

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-pod-creation',
  domain: k8sDomain,
  meta: {
    title: 'Role can create pods or workloads',
    description:
      'A Role or ClusterRole grants `create` on pods or on a workload kind that creates pods (Deployments, Jobs, DaemonSets...).',
    rationale:
      'Medium: whoever can create a pod can run it as any service account of the namespace, mount any Secret and (without Pod Security admission) a host path, so the grant is worth every right in the namespace. CI deployers and operators need it, hence medium and confidence medium. A resource counts only in its own API group (`jobs` of `batch`, `deployments` of `apps`): `jobs` of `pipelines.kubeflow.org` are not batch Jobs.',
    remediation:
      'Give create rights on workloads only to deployers (CI, GitOps controllers), scope them to one namespace with a Role, and enforce Pod Security admission in that namespace.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['KSV-0048', 'kube-linter:access-to-create-pods'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: runner\nrules:\n  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "create"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: runner\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of policyRules(object)) {
      if (!grants(rule, ['create'])) continue;
      const i = rule.resources.findIndex((r) =>
        WORKLOADS[r]?.some((group) => rule.apiGroups.includes(group) || rule.apiGroups.includes('*')),
      );
      if (i < 0) continue;
      report(
        ctx,
        object,
        object.at([...rule.route, 'resources', i])!,
        `${object.kind} \`${object.name}\` can create \`${rule.resources[i]}\`.`,
        rule.route.join('.'),
      );
    }
  },
});
