import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `ARG NODE_VERSION=20
FROM --platform=linux/arm64 node:\${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
FROM node:\${NODE_VERSION}-alpine
COPY --from=deps /app/node_modules ./node_modules
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM --platform=${BUILDPLATFORM} rust:1.82 AS build\nRUN cargo build --release\n',
    'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM ubuntu:24.04\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '--platform=linux/arm64', 1, 'for linux/arm64')] }],
});
