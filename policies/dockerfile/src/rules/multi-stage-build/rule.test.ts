import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n';
const npm = 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20-slim\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'python:3.12-slim', 1, 'apt-get install')] },
    { code: npm, errors: [at(npm, 'node:20')] },
  ],
});
