import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM alpine:3.20\nCOPY --chmod=666 app.conf /etc/app/\nRUN chmod a+rwx /data && chmod o+w,g-w /x\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN chmod 1777 /tmp && chmod -R 755 /app && chmod +x run.sh && chmod a+rwxt /shared\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '--chmod=666'), at(bad, 'a+rwx'), at(bad, 'o+w,g-w')] }],
});
