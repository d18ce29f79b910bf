import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const last = 'FROM alpine:3.20\nUSER app\nRUN apk add --no-cache curl\nUSER 0:0\n';
const none = 'FROM golang:1.22 AS build\nUSER builder\nFROM debian:12-slim\nCOPY --from=build /out /app\n';
const inherited = 'FROM debian:12 AS base\nUSER root\nFROM base AS final\nCMD ["x"]\n';
const viaArg = 'FROM alpine:3.20\nARG RUN_AS=root\nUSER ${RUN_AS}\n';

tester.run(rule, {
  valid: [
    // A fragment has no final stage: its user is decided by the file that includes it.
    { filename: 'Dockerfile.in', code: 'RUN useradd -r app\nCOPY . /app\n' },
    HARDENED,
    'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n',
    'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001:10001\n',
    // Build stages may run as root; only the final image matters.
    'FROM golang:1.22 AS build\nRUN go build ./...\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out /app\n',
    'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
    // The user comes from a build argument whose value we cannot know.
    'FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n',
    // The base image sets its own (non-root) user; a Dockerfile scan cannot see it.
    'FROM quay.io/jupyter/base-notebook:2024-07-29\nRUN pip install --no-cache-dir xgboost==2.1.0\n',
    'ARG BASE\nFROM $BASE\n',
  ],
  invalid: [
    { code: last, errors: [at(last, '0:0', 1, 'USER 0:0')] },
    { code: none, errors: [at(none, 'debian:12-slim', 1, 'sets no `USER`')] },
    { code: inherited, errors: [at(inherited, 'root')] },
    { code: viaArg, errors: [at(viaArg, '${RUN_AS}')] },
    {
      code: 'FROM debian:12 AS base\nFROM base\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }],
    },
    { code: 'FROM docker.io/library/redis:7\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 31 }] },
    { code: 'FROM scratch\nCOPY app /app\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 13 }] },
    {
      name: 'entrypoint drops privileges with gosu: still reported, with low confidence',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu=1.14-1+b10\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 20, message: 'may drop root' }],
    },
    {
      name: 'su-exec in the entrypoint line',
      code: 'FROM alpine:3.20\nUSER root\nENTRYPOINT ["su-exec", "app", "/bin/server"]\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: '`su-exec`' }],
    },
    {
      name: 'a builder stage as the last stage',
      code: 'FROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, message: 'looks like a builder stage' }],
    },
    {
      name: 'a FROM-only file (an image pinned for update bots) is info',
      code: 'FROM postgres:16.3\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 19, message: 'only names an image' }],
    },
    {
      code: 'FROM ghcr.io/acme/base:1\n',
      options: { unknownBaseImages: true },
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 25 }],
    },
  ],
});
