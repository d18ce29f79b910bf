import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev=1.2.5-r0 make\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del --no-network .build-deps\n',
    'FROM alpine:3.20\nRUN apk add --no-cache ./pkg.apk "tzdata>=2024a"\n',
  ],
  invalid: [{ code: bad, errors: [across(bad, 'gcc', 'make', '`gcc` and `make` are installed')] }],
});
