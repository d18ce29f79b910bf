import { HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM node:20 AS build\nRUN yarn\nFROM node:20-slim\nRUN yarn --production\n';

const early = 'FROM node:20-slim\nRUN yarn cache clean && yarn install --frozen-lockfile\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    'FROM node:20-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n',
    'FROM node:20-slim\nRUN yarn build\n',
    // The node images check the yarn they unpacked after removing the tarball.
    'FROM node:20-slim\nRUN tar -xzf /opt/yarn.tar.gz -C /opt && rm /opt/yarn.tar.gz && yarn --version\n',
  ],
  invalid: [
    { code: bad, errors: [{ line: 4, column: 5, endLine: 4, endColumn: 9 }] },
    // A clean-up before the install leaves the cache of the install.
    { code: early, errors: [{ line: 2, column: 30, endLine: 2, endColumn: 37 }] },
  ],
});
