import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\nconcurrency: deploy\njobs:\n  a:\n    runs-on: x\n    environment: production\n    steps: [{run: helm upgrade --install a ./c --wait}]\n',
    {
      name: 'kubectl apply on a kind cluster is a test',
      code: 'on: push\njobs:\n  e2e:\n    runs-on: x\n    steps:\n      - uses: helm/kind-action@v1\n      - run: kubectl apply -f k8s/\n        env: { T: "${{ secrets.T }}" }\n',
    },
    {
      name: 'dry run',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: kubectl apply --dry-run=server -f k8s/\n        env: { KUBECONFIG_DATA: "${{ secrets.K }}" }\n',
    },
  ],
  invalid: [
    {
      name: 'terraform apply with cloud credentials',
      code: 'on: push\njobs:\n  infra:\n    runs-on: x\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n      - run: terraform apply -auto-approve\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 8, message: 'terraform apply' }],
    },
  ],
});
