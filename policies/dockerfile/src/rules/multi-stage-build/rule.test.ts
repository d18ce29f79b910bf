import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nCMD ["python"]\n';
const npm = 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM node:20-slim\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
    // A toolchain image on purpose.
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends build-essential\n',
    // Builds from source and removes the toolchain in the same layer (the official images' way).
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del --no-network .build-deps\nCMD ["app"]\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'python:3.12-slim', 1, 'apt-get install')] },
    { code: npm, errors: [at(npm, 'node:20')] },
  ],
});
