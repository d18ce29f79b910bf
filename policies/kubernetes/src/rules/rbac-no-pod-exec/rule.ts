import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grants, policyRules } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-pod-exec',
  domain: k8sDomain,
  meta: {
    title: 'Role can exec or attach into pods',
    description: 'A Role or ClusterRole grants `create` (or `get`, which older clusters accept over WebSockets) on `pods/exec`, `pods/attach` or `nodes/proxy`.',
    rationale:
      'High: exec runs arbitrary commands in any matching pod, with its service account token, its Secrets and its network position; `nodes/proxy` reaches the kubelet API and so every pod on the node.',
    remediation: 'Keep exec for break-glass human roles bound temporarily; give automation narrower APIs (logs, port-forward to one service).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0053', 'KSV-0054', 'KSV-0047', 'polaris:clusterrolePodExecAttach', 'polaris:rolePodExecAttach'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: debugger\nrules:\n  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["create"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: debugger\nrules:\n  - apiGroups: [""]\n    resources: ["pods/log"]\n    verbs: ["get"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of policyRules(object)) {
      rule.resources.forEach((r, i) => {
        if (!['pods/exec', 'pods/attach', 'nodes/proxy'].includes(r) || !grants(rule, ['create', 'get'])) return;
        report(ctx, object, object.at([...rule.route, 'resources', i])!, `${object.kind} \`${object.name}\` grants \`${r}\`.`, `${rule.route.join('.')}:${r}`);
      });
    }
  },
});
