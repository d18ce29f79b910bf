import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN cd "$HOME"; make\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nONBUILD RUN ( cd programs/server && npm install )\n',
    'FROM alpine:3.20\nRUN tar -xzf src.tgz && cd src && make && cd / && rm -rf src\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'cd "$HOME"')] }],
});
