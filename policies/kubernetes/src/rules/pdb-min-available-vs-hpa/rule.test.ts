import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const pdb = (min: number) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: production}\nspec:\n  minAvailable: ${min}\n  selector: {matchLabels: {app: api}}\n`;
const hpa = (min: number, ns = 'production') =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  minReplicas: ${min}\n  maxReplicas: 20\n`;

tester.run(rule, {
  valid: [
    {
      name: 'below the HPA minimum (three files)',
      filename: 'k8s/pdb.yaml',
      code: pdb(2),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/hpa.yaml': hpa(3) },
    },
    {
      name: 'HPA in another namespace',
      filename: 'k8s/pdb.yaml',
      code: pdb(3),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/hpa.yaml': hpa(3, 'staging') },
    },
  ],
  invalid: [
    {
      name: 'equal to the HPA minimum (three files)',
      filename: 'k8s/pdb.yaml',
      code: pdb(3),
      files: { 'k8s/deploy.yaml': HARDENED, 'k8s/autoscaling/hpa.yaml': hpa(3) },
      errors: [{ line: 5, column: 17, endLine: 5, endColumn: 18, message: 'down to 3' }],
    },
  ],
});
