import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM nginx:1.27-alpine
LABEL org.label-schema.vcs_url="https://github.com/acme/site" \\
      "com.example..team"="web" \\
      com.docker.compose.project=site
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nLABEL org.label-schema.build-date=$BUILD_DATE maintainer="ops@example.com" version=1.2\n',
    // Docker Desktop extensions are told to use these keys.
    'FROM alpine:3.20\nLABEL com.docker.desktop.extension.api.version=">= 0.3.4" com.docker.extension.publisher-url="https://example.com"\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [
        at(bad, 'org.label-schema.vcs_url'),
        at(bad, '"com.example..team"'),
        at(bad, 'com.docker.compose.project', 1, 'reserves'),
      ],
    },
  ],
});
