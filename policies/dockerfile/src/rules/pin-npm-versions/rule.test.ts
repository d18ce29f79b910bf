import { across, at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM node:20\nRUN npm i --prefix /opt @angular/cli typescript@latest && yarn global add serve\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20\nRUN npm install && npm install --omit=dev && yarn install --frozen-lockfile\n',
    'FROM node:20\nRUN npm install -g @angular/cli@17.3.0 ./local-pkg git+https://github.com/a/b.git\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [
        across(
          bad,
          '@angular/cli',
          'typescript@latest',
          '`@angular/cli` and `typescript@latest` are installed',
        ),
        at(bad, 'serve', 1, '`serve` is installed without a pinned version.'),
      ],
    },
  ],
});
