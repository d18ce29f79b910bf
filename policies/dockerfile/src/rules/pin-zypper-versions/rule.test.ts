import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM registry.suse.com/bci/bci-base:15.6
RUN zypper -n ref \\
 && zypper -n in --no-recommends tar gzip-1.12 python311 \\
 && zypper clean -a
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM opensuse/tumbleweed\nRUN zypper -n in -t pattern devel_basis && zypper clean -a\n',
    'FROM opensuse/tumbleweed\nRUN zypper -n in pattern:devel_basis /tmp/local.rpm && zypper clean -a\n',
  ],
  invalid: [{ code: bad, errors: [across(bad, 'tar', 'python311', '`tar` and `python311`')] }],
});
