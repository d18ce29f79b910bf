import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nONBUILD onbuild RUN x\nONBUILD MAINTAINER me\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nONBUILD RUN make\n'],
  invalid: [{ code: bad, errors: [at(bad, 'onbuild'), at(bad, 'MAINTAINER')] }],
});
