import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM centos:7\nRUN yum -y --setopt=tsflags=nodocs install httpd \\\n && yum clean packages\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n',
    'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM centos:7\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'install')] }],
});
