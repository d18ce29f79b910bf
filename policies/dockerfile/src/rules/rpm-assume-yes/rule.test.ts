import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM centos:7\nRUN yum --setopt=tsflags=nodocs install httpd && zypper rm curl\n';

const short = 'FROM fedora:41\nRUN dnf in --refresh git-core && dnf clean all\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM centos:7\nRUN yum -y install httpd && dnf --assumeyes remove x && zypper -n in curl && zypper in -y vim\n',
    'FROM centos:7\nRUN microdnf install httpd\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'install'), at(bad, 'rm')] },
    { code: short, errors: [at(short, 'in')] },
  ],
});
