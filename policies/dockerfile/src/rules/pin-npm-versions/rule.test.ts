import { across, at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM node:20\nRUN npm i --prefix /opt @angular/cli typescript@latest && yarn global add serve\n';

const git = 'FROM node:20-slim\nRUN npm install --save-dev github:acme/eslint-config#v2 && npm ci\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20\nRUN npm install && npm install --omit=dev && yarn install --frozen-lockfile\n',
    'FROM node:20\nRUN npm install -g @angular/cli@17.3.0 ./local-pkg git+https://github.com/a/b.git#5d2ae3c41f8a7b9c0e1d2f3a4b5c6d7e8f9a0b1c github:acme/cli#0c3f5e1\n',
  ],
  invalid: [
    { code: git, errors: [at(git, 'github:acme/eslint-config#v2')] },
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
