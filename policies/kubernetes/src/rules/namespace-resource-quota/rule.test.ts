import { tester } from '../../test-kit.js';
import rule from './rule.js';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const quota =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  hard: {requests.cpu: "8", limits.memory: 32Gi}\n';

tester.run(rule, {
  valid: [
    ns('kube-system'),
    {
      name: 'ResourceQuota in another file of the folder',
      filename: 'deploy/namespace.yaml',
      code: ns('shop'),
      files: { 'deploy/quota.yaml': quota },
    },
    {
      name: 'only referenced: created elsewhere',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n',
    },
  ],
  invalid: [
    {
      name: 'a sibling tree does not count',
      filename: 'team-a/namespace.yaml',
      code: ns('shop'),
      files: { 'team-b/quota.yaml': quota },
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 13, message: 'Namespace `shop` has no ResourceQuota.' },
      ],
    },
  ],
});
