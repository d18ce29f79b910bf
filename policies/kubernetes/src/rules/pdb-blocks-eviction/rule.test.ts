import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const pdb = (spec: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: production}\nspec:\n${spec}  selector: {matchLabels: {app: api}}\n`;

tester.run(rule, {
  valid: [
    {
      name: 'minAvailable below the 3 replicas',
      filename: 'k8s/pdb.yaml',
      code: pdb('  minAvailable: 2\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    { name: 'replicas unknown', filename: 'k8s/pdb.yaml', code: pdb('  minAvailable: 2\n') },
    { name: '50%', code: pdb('  maxUnavailable: 50%\n') },
    {
      name: 'an HPA scales the workload: left to k8s/pdb-min-available-vs-hpa',
      filename: 'k8s/pdb.yaml',
      code: pdb('  minAvailable: 3\n'),
      files: {
        'k8s/deploy.yaml': HARDENED,
        'k8s/hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: production}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  minReplicas: 2\n  maxReplicas: 6\n',
      },
    },
  ],
  invalid: [
    {
      name: '0%',
      code: pdb('  maxUnavailable: "0%"\n'),
      errors: [{ line: 5, column: 19, endLine: 5, endColumn: 23 }],
    },
    {
      name: '100%',
      code: pdb('  minAvailable: 100%\n'),
      errors: [{ line: 5, column: 17, endLine: 5, endColumn: 21 }],
    },
    {
      name: 'minAvailable equal to the replicas of the Deployment in another file',
      filename: 'k8s/pdb.yaml',
      code: pdb('  minAvailable: 3\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
      errors: [{ line: 5, column: 17, endLine: 5, endColumn: 18, message: 'run 3' }],
    },
  ],
});
