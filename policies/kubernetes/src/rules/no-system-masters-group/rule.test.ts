import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

const awsAuth = (mapUsers: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/eks-nodes\n      username: system:node:{{EC2PrivateDNSName}}\n      groups:\n        - system:bootstrappers\n        - system:nodes\n${mapUsers}`;

tester.run(rule, {
  valid: [
    awsAuth(''),
    binding('cluster-admin', 'Group', 'platform-admins'),
    // Another ConfigMap that merely mentions the group.
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: docs\ndata:\n  note: "never map users to system:masters"\n',
  ],
  invalid: [
    {
      name: 'mapUsers in a literal block',
      code: awsAuth(
        '  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/alice\n      username: alice\n      groups: [system:masters]\n',
      ),
      errors: [
        {
          line: 16,
          column: 16,
          endLine: 16,
          endColumn: 30,
          message: 'maps an IAM identity in `mapUsers` to `system:masters`',
        },
      ],
    },
    {
      name: 'binding subject',
      code: binding('view', 'Group', 'system:masters'),
      errors: [
        {
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 25,
          message: 'ClusterRoleBinding `b` names the `system:masters` group as a subject.',
        },
      ],
    },
  ],
});
