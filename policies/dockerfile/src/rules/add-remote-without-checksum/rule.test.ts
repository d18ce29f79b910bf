import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const two = 'FROM alpine:3.20\nARG V=1.0\nADD http://example.com/a-${V}.tgz https://example.com/b.sh /opt/\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nADD rootfs.tar.gz /\n',
    'FROM alpine:3.20\nADD https://github.com/acme/repo.git#0123456789abcdef0123456789abcdef01234567 /src\n',
  ],
  invalid: [
    { code: two, errors: [at(two, 'http://example.com/a-${V}.tgz'), at(two, 'https://example.com/b.sh')] },
  ],
});
