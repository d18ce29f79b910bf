import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (ns: string, selector: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  selector: ${selector}\n  ports: [{port: 80, targetPort: http}]\n`;

tester.run(rule, {
  valid: [
    { name: 'selects the Deployment of another file', filename: 'k8s/svc.yaml', code: svc('production', '{app: api}'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'a folder of Services only', filename: 'services/svc.yaml', code: svc('production', '{app: nope}'), files: { 'k8s/deploy.yaml': HARDENED } },
  ],
  invalid: [
    {
      name: 'the pods are in another namespace',
      filename: 'k8s/svc.yaml',
      code: svc('staging', '{app: api}'),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/staging.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: staging, labels: {app: other}}\nspec: {containers: [{name: a, image: "a:1"}]}\n' },
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 11 }],
    },
  ],
});
