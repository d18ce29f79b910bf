import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM alpine:3.20\nARG GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nENV AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" \\\n    LOG_LEVEL=info\nENV X=AKIAIOSFODNN7EXAMPLE\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D PASSWORD_FILE=/run/secrets/pw\n',
    'FROM python:3.12\nENV ADMIN_PASSWORD= API_KEY=changeme TOKEN_ENDPOINT=https://auth/token AWS_ACCESS_KEY_ID=x\n',
    'FROM python:3.12\nARG SECRET_KEY_BASE=${SECRET_KEY_BASE}\n',
  ],
  invalid: [
    {
      name: 'a secret build argument persisted through ENV',
      code: 'FROM node:20-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN} NODE_ENV=production\nRUN npm ci\n',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 14, message: 'Build argument `NPM_TOKEN`' },
        { line: 3, column: 5, endLine: 3, endColumn: 27, message: 'copies the build argument `NPM_TOKEN`' },
      ],
    },
    {
      code: bad,
      errors: [
        at(bad, 'GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789', 1, 'ghp_***'),
        at(bad, 'AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', 1, 'redacted'),
        at(bad, 'X=AKIAIOSFODNN7EXAMPLE'),
      ],
    },
  ],
});
