import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.23
LABEL org.opencontainers.image.source=https://github.com/acme/tool
WORKDIR /src
FROM golang:\${GO_VERSION}
`;

tester.run(rule, {
  valid: [HARDENED, 'ARG BASE=alpine:3.20\n# comment\nFROM ${BASE}\nLABEL a=b\n'],
  invalid: [{ code: bad, errors: [at(bad, 'LABEL', 1, '`LABEL` comes before the first `FROM`')] }],
});
