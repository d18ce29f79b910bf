import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM centos:7\nRUN echo secret | passwd --stdin root && useradd -p "$(openssl passwd -1 pw)" bob\n';

tester.run(rule, {
  valid: [HARDENED, "FROM centos:7\nRUN useradd -p '*' svc && passwd -l root\n"],
  invalid: [{ code: bad, errors: [at(bad, 'passwd'), at(bad, '-p')] }],
});
