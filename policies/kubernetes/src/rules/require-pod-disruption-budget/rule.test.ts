import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const pdb = (ns: string, labels: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: ${labels}}\n`;
const hpa =
  'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: w, namespace: shop}\nspec:\n  scaleTargetRef: {kind: Deployment, name: w}\n  maxReplicas: 4\n';
const w =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      containers: [{name: a, image: "a:1"}]\n';

tester.run(rule, {
  valid: [
    {
      name: 'hardened deployment with its PDB elsewhere',
      code: HARDENED,
      files: { 'k8s/pdb.yaml': pdb('production', '{app: api}') },
    },
    { name: 'one replica, no HPA', code: w },
    {
      name: 'a DaemonSet',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
    },
  ],
  invalid: [
    {
      name: 'PDB in another namespace',
      code: HARDENED,
      files: { 'k8s/pdb.yaml': pdb('staging', '{app: api}') },
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12 }],
    },
    {
      name: 'scaled by an HPA',
      code: w,
      files: { 'k8s/autoscaling/hpa.yaml': hpa },
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }],
    },
  ],
});
