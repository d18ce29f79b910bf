import { tester } from '../../test-kit.js';
import rule from './rule.js';

const app = (name: string, source: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}}\nspec:\n  project: default\n${source}  destination: {namespace: apps}\n`;

tester.run(rule, {
  valid: [
    { name: 'staging tracks main', code: app('shop-staging', '  source: {repoURL: r, targetRevision: main}\n') },
    { name: 'helm chart version', code: app('shop-prod', '  source: {repoURL: r, chart: shop, targetRevision: 1.2.*}\n') },
    { name: 'commit sha', code: app('shop-prod', '  source: {repoURL: r, targetRevision: 3f9c2a1b4d5e6f708192a3b4c5d6e7f809102a3b}\n') },
  ],
  invalid: [
    {
      name: 'multiple sources, one branch, one unset',
      code: app('prod-shop', '  sources:\n    - {repoURL: r, targetRevision: release}\n    - {repoURL: s}\n'),
      errors: [
        { line: 7, column: 36, endLine: 7, endColumn: 43, message: 'branch `release`' },
        { line: 8, column: 8, endLine: 8, endColumn: 18, message: 'HEAD' },
      ],
    },
  ],
});
