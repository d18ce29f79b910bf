import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const run = (s: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    run('          docker pull nginx:latest\n          helm upgrade a ./c --set image.tag=1.2.3 --wait\n'),
  ],
  invalid: [
    {
      name: 'kubectl run and helm --set',
      code: run(
        '          kubectl run tmp --image=busybox:latest --rm -it\n          helm upgrade a ./c --wait --set image.tag=latest\n',
      ),
      errors: [
        { line: 7, column: 42, endLine: 7, endColumn: 49 },
        { line: 8, column: 53, endLine: 8, endColumn: 59 },
      ],
    },
  ],
});
