import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM ubuntu:24.04\nRUN /usr/bin/apt list --installed\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM ubuntu:24.04\nRUN apt-cache policy curl && echo apt\n'],
  invalid: [{ code: bad, errors: [at(bad, '/usr/bin/apt')] }],
});
