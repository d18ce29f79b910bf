import { tester } from '../../test-kit.js';
import rule from './rule.js';

const pdb = (extra: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: checkout
  namespace: shop
spec:
  minAvailable: 2
${extra}  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
`;

tester.run(rule, {
  valid: [
    { name: 'AlwaysAllow', code: pdb('  unhealthyPodEvictionPolicy: AlwaysAllow\n') },
    {
      name: 'stated IfHealthyBudget (a quorum)',
      code: pdb('  unhealthyPodEvictionPolicy: IfHealthyBudget\n'),
    },
    {
      name: 'a kustomize patch of the budget',
      filename: 'overlays/prod/pdb-patch.yaml',
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: checkout}\nspec:\n  minAvailable: 3\n',
    },
  ],
  invalid: [{ name: 'unset', code: pdb(''), errors: [{ line: 6, column: 1, endLine: 6, endColumn: 5 }] }],
});
