import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n      steps: [{setWeight: 10}]\n'],
  invalid: [
    {
      name: 'neither service',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n      trafficRouting: {istio: {virtualService: {name: vs}}}\n',
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 21, message: '`canaryService` or `stableService`' }],
    },
  ],
});
