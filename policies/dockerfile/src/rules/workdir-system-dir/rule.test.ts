import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nENV D=/dev\nWORKDIR $D\nWORKDIR /boot\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nWORKDIR /\nWORKDIR /devices\nWORKDIR /usr/src/app\n'],
  invalid: [{ code: bad, errors: [at(bad, '$D'), at(bad, '/boot')] }],
});
