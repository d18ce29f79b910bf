import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const index = 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=1 /a /b\n';
const upper = 'FROM alpine:3.20 AS Build\nCOPY --from=BUILD /a /b\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /b\n'],
  invalid: [
    { code: index, errors: [at(index, '--from=1')] },
    { code: upper, errors: [at(upper, '--from=BUILD')] },
  ],
});
