import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM fedora:40\nRUN dnf -y --setopt=tsflags=nodocs install httpd \\\n && dnf clean packages\n';

const early = 'FROM rockylinux:9\nRUN dnf clean all && dnf -y in nginx-1.20.1-16.el9\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n',
    'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM fedora:40\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'install')] },
    // Cleaning before the install empties nothing; `in` is dnf's short form of install.
    { code: early, errors: [at(early, 'in', 2)] },
  ],
});
