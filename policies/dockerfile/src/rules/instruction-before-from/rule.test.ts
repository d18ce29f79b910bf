import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.23
LABEL org.opencontainers.image.source=https://github.com/acme/tool
WORKDIR /src
FROM golang:\${GO_VERSION}
`;

// A template completed by a generator: no FROM, read instruction by instruction.
const fragment = `# included after FROM by tools/render-dockerfile.sh
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app /usr/local/bin/app
`;

tester.run(rule, {
  valid: [HARDENED, 'ARG BASE=alpine:3.20\n# comment\nFROM ${BASE}\nLABEL a=b\n'],
  invalid: [
    {
      code: fragment,
      filename: 'docker/Dockerfile.in',
      errors: [at(fragment, 'RUN', 1, 'read as a fragment')],
    },
    { code: bad, errors: [at(bad, 'LABEL', 1, '`LABEL` comes before the first `FROM`')] },
  ],
});
