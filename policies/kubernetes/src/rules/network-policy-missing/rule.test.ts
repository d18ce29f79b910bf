import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const np = (ns: string, selector: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${ns}}\nspec:\n  podSelector: ${selector}\n  ingress: [{from: [{podSelector: {}}]}]\n`;

tester.run(rule, {
  valid: [
    {
      name: 'hardened deployment with its policy in another file',
      code: HARDENED,
      files: { 'k8s/netpol.yaml': np('production', '{matchLabels: {app: api}}') },
    },
    {
      name: 'a policy in a folder above covers the manifests below it',
      code: HARDENED,
      filename: 'deploy/apps/api.yaml',
      files: { 'deploy/netpol.yaml': np('production', '{}') },
    },
    {
      name: 'Jobs are not checked',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
    },
  ],
  invalid: [
    {
      name: 'policy in another namespace does not count',
      code: HARDENED,
      files: { 'other/netpol.yaml': np('staging', '{}') },
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12, message: 'namespace `production`' }],
    },
    {
      name: 'a policy of an unrelated folder (another repository, another team) is another deployment unit',
      code: HARDENED,
      filename: 'shop/k8s/deploy.yaml',
      files: { 'billing/k8s/netpol.yaml': np('production', '{}') },
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12, message: 'namespace `production`' }],
    },
    {
      name: 'policy selects other pods',
      code: HARDENED,
      files: { 'k8s/netpol.yaml': np('production', '{matchLabels: {app: db}}') },
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12 }],
    },
  ],
});
