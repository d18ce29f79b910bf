import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN apk --allow-untrusted -X https://repo.example add x\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN apk add --no-cache x\n',
    'FROM alpine:3.20\nCOPY --from=build /out/ /tmp/packages/\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '--allow-untrusted')] }],
});
