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
    {
      name: 'set to 0 or false: git only checks that the variable exists',
      code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=0\nRUN GIT_SSL_NO_VERIFY=false git clone https://git.corp/app.git\n',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 24, message: '`GIT_SSL_NO_VERIFY=0` still turns off' },
        { line: 3, column: 5, endLine: 3, endColumn: 28, message: 'whatever its value' },
      ],
    },
  ],
});
