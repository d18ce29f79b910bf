import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nCOPY ["a.sh", "bin/"]\nWORKDIR /app\nCOPY b .\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20 AS base\nWORKDIR /srv\nFROM base\nCOPY a .\n',
    'FROM alpine:3.20\nCOPY a /opt/a\nCOPY b $HOME/\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '"bin/"')] }],
});
