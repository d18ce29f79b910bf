import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  "FROM centos:7\nRUN echo 'sslverify=0' >> /etc/yum.conf && yum-config-manager --save --setopt=epel.sslverify=false\n";

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM centos:7\nRUN yum install -y --setopt=sslverify=1 httpd\n',
    // Only printed: a hint in the build log configures nothing.
    "FROM centos:7\nRUN echo 'behind the proxy, set sslverify=0 in your repo file' && yum install -y httpd\n",
  ],
  invalid: [{ code: bad, errors: [at(bad, "'sslverify=0'"), at(bad, '--setopt=epel.sslverify=false')] }],
});
