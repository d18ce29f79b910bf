import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nmaintainer ops@example.com\nONBUILD MAINTAINER x\n';

tester.run(rule, {
  valid: [HARDENED],
  invalid: [{ code: bad, errors: [at(bad, 'maintainer'), at(bad, 'MAINTAINER')] }],
});
