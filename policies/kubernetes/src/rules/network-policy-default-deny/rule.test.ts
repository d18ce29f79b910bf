import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const np = (ns: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${ns}}\nspec:\n${spec}`;
const deployIn = (name: string, ns: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened namespace with a default deny', code: HARDENED, files: { 'k8s/deny.yaml': np('production', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n') } },
    { name: 'no policyTypes and no ingress rules', code: HARDENED, files: { 'k8s/deny.yaml': np('production', '  podSelector: {}\n') } },
  ],
  invalid: [
    {
      name: 'once per namespace, on the first workload; the allow-all policy does not count',
      code: `${deployIn('a', 'shop')}---\n${deployIn('b', 'shop')}---\n${deployIn('c', 'blog')}`,
      files: { 'k8s/z-allow.yaml': np('shop', '  podSelector: {}\n  ingress: [{}]\n') },
      errors: [
        { line: 3, column: 32, endLine: 3, endColumn: 36, message: '`shop`' },
        { line: 19, column: 32, endLine: 19, endColumn: 36, message: '`blog`' },
      ],
    },
  ],
});
