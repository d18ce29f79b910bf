import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "$PW" | docker login -u me --password-stdin\n      - run: docker login -u me -p "$PW"\n',
  ],
  invalid: [
    {
      name: 'service credentials and docker login -p',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    services:\n      db:\n        image: r.example/db:1\n        credentials: { username: u, password: "s3cr3t-pass" }\n    steps:\n      - run: docker login -u me -p s3cr3tpass r.example\n',
      errors: [
        { line: 8, column: 47, endLine: 8, endColumn: 60, message: '`db` has a literal registry password' },
        { line: 10, column: 36, endLine: 10, endColumn: 46 },
      ],
    },
  ],
});
