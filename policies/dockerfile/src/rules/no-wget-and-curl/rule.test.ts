import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM debian:12\nRUN wget -q x && wget -q y\nRUN curl -O z && curl -O w\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN curl -O a && curl -O b\n',
    'FROM debian:12\nRUN apt-get install -y wget curl\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'curl')] }],
});
