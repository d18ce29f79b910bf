import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  "FROM centos:7\nRUN printf '[x]\\ngpgcheck=0\\n' > /etc/yum.repos.d/x.repo && rpm -i --nosignature a.rpm && yum --setopt=x.gpgcheck=0 install -y b\n";

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM centos:7\nRUN yum install -y --setopt=gpgcheck=1 b && echo gpgcheck=1 >> /etc/yum.conf\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [at(bad, "'[x]\\ngpgcheck=0\\n'"), at(bad, '--nosignature'), at(bad, '--setopt=x.gpgcheck=0')],
    },
  ],
});
