import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM node:20-slim AS build
RUN npm ci
RUN npm run build
FROM node:20-slim
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
RUN groupadd -r app && useradd -r -g app app
RUN mkdir /data && chown app /data
USER app
`;

tester.run(rule, {
  valid: [
    HARDENED,
    // Different mounts cannot share one RUN as written.
    'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\nRUN --mount=type=secret,id=netrc python fetch.py\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'RUN', 5)] }],
});
