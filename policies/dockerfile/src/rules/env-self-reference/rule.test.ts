import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nENV A=1 \\\n    B="${A}-x"\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20\nENV A=1\nENV B=$A PATH=$PATH:/x\n'],
  invalid: [{ code: bad, errors: [at(bad, '"${A}-x"')] }],
});
