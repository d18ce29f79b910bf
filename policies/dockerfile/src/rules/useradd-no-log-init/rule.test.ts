import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN groupadd -g 70000 g && useradd --uid=70000 -g g svc\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN useradd --no-log-init --uid 70000 svc && useradd -rl -u 99999 x\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'useradd --uid=70000 -g g svc')] }],
});
