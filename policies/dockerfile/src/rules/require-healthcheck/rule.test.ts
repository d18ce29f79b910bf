import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const multi =
  'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM node:20-slim\nEXPOSE 3000\nCMD ["node", "app.js"]\n';
const inherited = 'FROM node:20-slim AS base\nEXPOSE 3000\nFROM base\nCMD ["node", "app.js"]\n';

const worker = 'FROM python:3.12-slim\nCOPY worker.py /app/\nUSER 10001\nCMD ["python", "/app/worker.py"]\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK NONE\n',
    'FROM node:20-slim AS base\nHEALTHCHECK CMD ["node", "check.js"]\nFROM base\nEXPOSE 3000\n',
    // A CLI or job image: nothing listens, nothing to check.
    'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/tool"]\n',
    // With every image checked, an image that runs nothing by default is still left alone.
    { code: 'FROM debian:12-slim AS base\nRUN useradd -u 10001 app\n', options: { onlyServices: false } },
  ],
  invalid: [
    {
      code: worker,
      options: { onlyServices: false },
      errors: [at(worker, 'python:3.12-slim', 1, 'declares no `HEALTHCHECK`')],
    },
    { code: multi, errors: [at(multi, 'node:20-slim', 1, 'no `HEALTHCHECK`')] },
    { code: inherited, errors: [{ line: 3, column: 1, endLine: 3, endColumn: 10 }] },
  ],
});
