import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM opensuse/tumbleweed\nRUN zypper -n dup && apt full-upgrade -y\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM debian:12\nRUN apt-get upgrade -y && zypper -n up\n'],
  invalid: [{ code: bad, errors: [at(bad, 'dup'), at(bad, 'full-upgrade')] }],
});
