import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN echo "check_certificate = off" >> /etc/wgetrc\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nRUN wget --ca-certificate=/ca.pem https://x\n'],
  invalid: [{ code: bad, errors: [at(bad, '"check_certificate = off"')] }],
});
