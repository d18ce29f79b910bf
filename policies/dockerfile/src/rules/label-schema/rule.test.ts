import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const labels = {
  'org.opencontainers.image.title': 'text',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.version': 'semver',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.authors': 'email',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.licenses': 'spdx',
};

const good = `FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build
FROM gcr.io/distroless/nodejs20-debian12:nonroot
ARG BUILD_DATE
LABEL org.opencontainers.image.title="orders-api" \\
      org.opencontainers.image.created=$BUILD_DATE \\
      org.opencontainers.image.version="2.14.0-rc.1+build.7" \\
      org.opencontainers.image.revision="9fceb02d0ae598e95dc970b74767f19372d61af8" \\
      org.opencontainers.image.authors="Platform team <platform@example.com>" \\
      org.opencontainers.image.url="https://git.example.com/shop/orders-api" \\
      org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND BSD-3-Clause"
COPY --from=build /app/dist /app
CMD ["/app/server.js"]
`;

const bad = `FROM python:3.12-slim AS base
LABEL org.opencontainers.image.authors="platform team"
FROM base
LABEL org.opencontainers.image.title="" \\
      org.opencontainers.image.created="2024-02-30T10:00:00Z" \\
      org.opencontainers.image.version="v1.2" \\
      org.opencontainers.image.revision="9fceb02" \\
      com.example.team=payments
`;

// Without a schema, OCI labels that are present are still checked for their format.
const oci = 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=git@github.com:acme/api.git\n';

tester.run(rule, {
  valid: [
    HARDENED,
    { code: good, options: { labels } },
    { code: good, options: { labels, strict: true } },
    { code: oci, options: { oci: false } },
    // Build stages do not ship: their labels are not the image's.
    'FROM alpine:3.20 AS build\nLABEL org.opencontainers.image.created=yesterday\nFROM scratch\nCOPY --from=build /bin/busybox /bin/\n',
  ],
  invalid: [
    {
      code: bad,
      options: { labels, strict: true },
      errors: [
        at(bad, '"platform team"', 1, 'e-mail'),
        at(bad, 'FROM base', 1, '`org.opencontainers.image.url`, `org.opencontainers.image.licenses`'),
        at(bad, '""', 1, 'is empty'),
        at(bad, '"2024-02-30T10:00:00Z"', 1, 'RFC 3339'),
        at(bad, '"v1.2"', 1, 'semantic version'),
        at(bad, '"9fceb02"', 1, 'git commit hash'),
        at(bad, 'com.example.team', 1, 'not in the label schema'),
      ],
    },
    { code: oci, errors: [at(oci, 'git@github.com:acme/api.git', 1, 'absolute URL')] },
  ],
});
