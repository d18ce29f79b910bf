import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf -y --setopt=tsflags=nodocs install httpd \\\n && microdnf clean packages\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd && rm -rf /var/cache/microdnf\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4 AS build\nRUN microdnf install -y gcc\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'install')] }],
});
