import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const np = (ns: string, selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${ns}}\nspec:\n  podSelector: ${selector}\n`;

tester.run(rule, {
  valid: [
    { name: 'selects the hardened deployment in another file', filename: 'k8s/np.yaml', code: np('production', '{matchLabels: {app: api}}'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'no workloads beside it: cannot tell', filename: 'policies/np.yaml', code: np('production', '{matchLabels: {app: nope}}'), files: { 'k8s/deploy.yaml': HARDENED } },
  ],
  invalid: [
    {
      name: 'selects pods of another namespace only',
      filename: 'k8s/np.yaml',
      code: np('staging', '{matchLabels: {app: api}}'),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/other.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: staging, labels: {app: x}}\nspec: {containers: [{name: a, image: "a:1"}]}\n' },
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 14, message: 'namespace `staging`' }],
    },
  ],
});
