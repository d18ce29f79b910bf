import { tester } from '../../test-kit.js';
import rule from './rule.js';

const hpa = (min: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: w}\n${min}  maxReplicas: 5\n`;

tester.run(rule, {
  valid: [hpa('  minReplicas: 2\n')],
  invalid: [{ name: 'unset', code: hpa(''), errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5, message: 'defaults to 1' }] }],
});
