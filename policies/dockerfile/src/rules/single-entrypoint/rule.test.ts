import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const three =
  'FROM alpine:3.20\nENTRYPOINT ["/bin/sh"]\nRUN true\nENTRYPOINT ["/bin/sh"]\nENTRYPOINT ["/app/server"]\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nENTRYPOINT ["/app/server"]\n',
    'FROM alpine:3.20 AS a\nENTRYPOINT ["/bin/sh"]\nFROM a\nENTRYPOINT ["/app/server"]\n',
  ],
  invalid: [{ code: three, errors: [at(three, 'ENTRYPOINT', 1, 'line 5'), at(three, 'ENTRYPOINT', 2)] }],
});
