import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const deploy = (replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n${replicas}  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n`;
const hpa = (ns: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'unset', code: deploy('') },
    { name: 'scaled to zero', code: deploy('  replicas: 0\n') },
    { name: 'an examples folder', filename: 'examples/guestbook/web.yaml', code: deploy('  replicas: 1\n') },
    {
      name: 'a dev namespace',
      code: deploy('  replicas: 1\n').replace('namespace: shop', 'namespace: dev'),
    },
    {
      name: 'scaled by an HPA in another file',
      code: deploy('  replicas: 1\n'),
      files: { 'k8s/hpa.yaml': hpa('shop') },
    },
  ],
  invalid: [
    {
      name: 'HPA of another namespace',
      code: deploy('  replicas: 1\n'),
      files: { 'k8s/hpa.yaml': hpa('blog') },
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 14 }],
    },
    {
      name: 'a staging folder with nonProduction: true',
      filename: 'deploy/staging/web.yaml',
      code: deploy('  replicas: 1\n'),
      options: { nonProduction: true },
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 14 }],
    },
  ],
});
