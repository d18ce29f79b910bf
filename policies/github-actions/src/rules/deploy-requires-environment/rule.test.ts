import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: helm upgrade --install a ./c --wait\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: helm template a ./c | kubeconform\n        env: { T: "${{ secrets.T }}" }\n',
  ],
  invalid: [
    {
      name: 'deploy action with a secret',
      code: 'on: push\njobs:\n  web:\n    runs-on: x\n    steps:\n      - uses: azure/webapps-deploy@v3\n        with: { publish-profile: "${{ secrets.PROFILE }}" }\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, message: 'azure/webapps-deploy@v3' }],
    },
  ],
});
