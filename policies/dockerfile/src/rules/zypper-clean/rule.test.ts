import { HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in -y curl\nRUN zypper cc -a\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM opensuse/leap:15.6\nRUN zypper in -y curl && zypper cc -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper in -y curl && rm -rf /var/cache/zypp/*\n',
  ],
  invalid: [{ code: bad, errors: [{ line: 2, column: 30, endLine: 2, endColumn: 32 }] }],
});
