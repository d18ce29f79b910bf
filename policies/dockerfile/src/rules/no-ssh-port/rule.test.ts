import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const two = 'FROM alpine:3.20\nEXPOSE 80 22/tcp\nARG SSH=22\nEXPOSE $SSH\nEXPOSE 20-30\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nEXPOSE 2222 220 22/udp\n'],
  invalid: [{ code: two, errors: [at(two, '22/tcp'), at(two, '$SSH'), at(two, '20-30')] }],
});
