import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const three =
  'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\nRUN true\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["/app/health"]\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nHEALTHCHECK CMD ["/app/health"]\n',
    'FROM alpine:3.20 AS a\nHEALTHCHECK CMD ["true"]\nFROM a\nHEALTHCHECK CMD ["/app/health"]\n',
  ],
  invalid: [{ code: three, errors: [at(three, 'HEALTHCHECK', 1, 'line 5'), at(three, 'HEALTHCHECK', 2)] }],
});
