import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n',
    // fromJSON of a step output or of vars is not a secret.
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ fromJSON(steps.meta.outputs.json).tags[0] }}\n      - run: echo ${{ fromJSON(vars.REGIONS)[0] }}\n',
    // The whole secret parsed and handed over as is stays masked.
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@v2\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n',
  ],
  invalid: [
    {
      name: 'a property of a JSON secret in env',
      code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          DB_PASSWORD: ${{ fromJSON(secrets.DB).password }}\n',
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 60 }],
    },
    {
      name: 'an index into a JSON secret pasted into a script',
      code: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -u \"admin:${{ fromJson(secrets['REGISTRY'])['token'] }}\" https://registry.example.com\n",
      errors: [{ line: 6, column: 29, endLine: 6, endColumn: 74 }],
    },
  ],
});
