import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const pdb = (ns: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}\n`;

tester.run(rule, {
  valid: [
    { name: 'selects the hardened deployment', filename: 'k8s/pdb.yaml', code: pdb('production'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'nothing to compare with', filename: 'pdb/pdb.yaml', code: pdb('staging'), files: { 'k8s/deploy.yaml': HARDENED } },
  ],
  invalid: [
    {
      name: 'same labels, other namespace',
      filename: 'k8s/pdb.yaml',
      code: pdb('staging'),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/staging.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: staging}\nspec: {containers: [{name: a, image: "a:1"}]}\n' },
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11 }],
    },
  ],
});
