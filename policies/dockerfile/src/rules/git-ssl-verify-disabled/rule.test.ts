import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM alpine:3.20\nRUN git config --global http.https://git.corp/.sslVerify false\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN git config --global http.sslVerify true && git -c http.sslVerify=true clone x\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'http.https://git.corp/.sslVerify'), at(bad, 'GIT_SSL_NO_VERIFY=1')] },
  ],
});
