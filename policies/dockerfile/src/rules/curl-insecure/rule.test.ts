import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = "FROM alpine:3.20\nRUN curl --insecure -o a https://x && sh -c 'curl -k https://y'\n";

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nRUN curl -fsSL -K /etc/curlrc https://x && wget -k x\n'],
  invalid: [{ code: bad, errors: [at(bad, '--insecure'), at(bad, '-k')] }],
});
