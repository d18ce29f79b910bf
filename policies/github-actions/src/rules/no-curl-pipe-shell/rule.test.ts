import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const run = (script: string) =>
  `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n${script}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    run('          curl -s https://api.example.com/x | jq .name\n          wget -qO- https://x | tar xz\n'),
    run('          # curl https://x | bash\n          echo ok\n'),
  ],
  invalid: [
    {
      name: 'sudo bash, continuation, process substitution, iex',
      code: run(
        '          curl -sSL \\\n            https://x.sh | sudo -E bash -s -- --yes\n          sh -c "$(wget -qO- https://y)"\n          iwr https://z | iex\n',
      ),
      errors: [
        { line: 7, column: 11, endLine: 8, endColumn: 40 },
        { line: 9, column: 11, endLine: 9, endColumn: 40 },
        { line: 10, column: 11, endLine: 10, endColumn: 30 },
      ],
    },
  ],
});
