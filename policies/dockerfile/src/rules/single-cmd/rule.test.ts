import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const three = 'FROM alpine:3.20\nCMD ["sh"]\nRUN true\nCMD ["sh"]\nCMD ["/app/server"]\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nCMD ["/app/server"]\n',
    'FROM alpine:3.20 AS a\nCMD ["sh"]\nFROM a\nCMD ["/app/server"]\n',
  ],
  invalid: [{ code: three, errors: [at(three, 'CMD', 1, 'line 5'), at(three, 'CMD', 2)] }],
});
