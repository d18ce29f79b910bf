import { HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM node:20 AS build\nRUN yarn\nFROM node:20-slim\nRUN yarn --production\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    'FROM node:20-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n',
    'FROM node:20-slim\nRUN yarn build\n',
  ],
  invalid: [{ code: bad, errors: [{ line: 4, column: 5, endLine: 4, endColumn: 9 }] }],
});
