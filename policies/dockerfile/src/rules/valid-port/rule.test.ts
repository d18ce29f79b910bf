import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nARG P=70000\nEXPOSE $P 90-80 8080/http\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nEXPOSE 0 65535 53/udp 8000-8010/tcp\nEXPOSE $PORT\n'],
  invalid: [{ code: bad, errors: [at(bad, '$P'), at(bad, '90-80'), at(bad, '8080/http')] }],
});
