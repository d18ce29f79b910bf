import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nCOPY ["a", "b", "/dst"]\nADD a.tgz b.tgz $DEST\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nCOPY a b ./\nCOPY a /dst\nCOPY a b .\nENV D=/opt/\nCOPY a b $D\n'],
  invalid: [{ code: bad, errors: [at(bad, '"/dst"'), at(bad, '$DEST')] }],
});
