import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const two = 'FROM alpine:3.20\nADD --chown=app:app src/ /app/src/\nADD ["conf a.ini", "/etc/"]\n';

tester.run(rule, {
  valid: [
    HARDENED,
    // ADD unpacks compressed tar archives whatever their names say.
    'FROM alpine:3.20\nADD *.gz /opt/\nADD dist/app.xz /opt/app/\n',
    'FROM alpine:3.20\nADD rootfs.tar.xz /\n',
    'FROM alpine:3.20\nADD https://example.com/a.tgz /tmp/\n',
    'FROM alpine:3.20\nADD git@github.com:acme/repo.git /src\n',
    'FROM alpine:3.20\nADD ${ARCHIVE} /opt/\n',
  ],
  invalid: [{ code: two, errors: [at(two, 'ADD'), at(two, 'ADD', 2)] }],
});
