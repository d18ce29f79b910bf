import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const hpa = (ns: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  scaleTargetRef: {kind: Deployment, name: api}\n  minReplicas: 3\n  maxReplicas: 20\n`;

tester.run(rule, {
  valid: [{ name: 'HPA of another namespace', code: HARDENED, files: { 'k8s/hpa.yaml': hpa('staging') } }],
  invalid: [{ name: "the guide's Deployment and HPA", code: HARDENED, files: { 'k8s/hpa.yaml': hpa('production') }, errors: [{ line: 9, column: 3, endLine: 9, endColumn: 11 }] }],
});
