import { across, at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const ubi = `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5
RUN microdnf install -y --nodocs --setopt=install_weak_deps=0 \\
      java-17-openjdk-headless shadow-utils-4.9-10.el9 tzdata \\
 && microdnf clean all
`;
const yum =
  'FROM centos:7\nRUN yum -y install epel-release && yum -y in python36-3.6.8-21.el7 jq && yum clean all\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM fedora:41\nRUN dnf install -y @development-tools "dnf-command(config-manager)" ./local/tool-1.0.rpm && dnf clean all\n',
    'FROM fedora:41\nRUN dnf install -y gcc-14.2.1-3.fc41 make-1:4.4.1-8.fc41.x86_64 && dnf clean all\n',
    'FROM fedora:41\nRUN dnf upgrade -y --refresh && dnf clean all\n',
  ],
  invalid: [
    {
      code: ubi,
      errors: [across(ubi, 'java-17-openjdk-headless', 'tzdata', '`java-17-openjdk-headless` and `tzdata`')],
    },
    { code: yum, errors: [at(yum, 'epel-release'), at(yum, 'jq')] },
  ],
});
