import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const later = 'FROM alpine:3.20\nCOPY --from=assets /a /b\nFROM alpine:3.20 AS assets\nCOPY --from=2 /a /b\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /b\n',
    'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/assets:1 /a /b\n',
    'FROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /a /b\n',
  ],
  invalid: [{ code: later, errors: [at(later, '--from=assets', 1, 'defined later'), at(later, '--from=2')] }],
});
