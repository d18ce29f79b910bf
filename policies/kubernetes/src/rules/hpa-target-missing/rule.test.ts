import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const hpa = (ns: string, kind: string, name: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: ${ns}}\nspec:\n  scaleTargetRef:\n    kind: ${kind}\n    name: ${name}\n  minReplicas: 3\n  maxReplicas: 20\n`;

tester.run(rule, {
  valid: [
    { name: "the guide's HPA and Deployment in two files", filename: 'k8s/hpa.yaml', code: hpa('production', 'Deployment', 'api'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'nothing beside it', filename: 'hpa/hpa.yaml', code: hpa('production', 'Deployment', 'other'), files: { 'k8s/deploy.yaml': HARDENED } },
  ],
  invalid: [
    { name: 'wrong kind', filename: 'k8s/hpa.yaml', code: hpa('production', 'StatefulSet', 'api'), files: { 'k8s/deploy.yaml': HARDENED }, errors: [{ line: 7, column: 11, endLine: 7, endColumn: 14 }] },
  ],
});
