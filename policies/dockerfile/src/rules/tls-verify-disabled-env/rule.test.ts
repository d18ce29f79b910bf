import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM python:3.12\nARG PYTHONHTTPSVERIFY=0\nRUN export GOINSECURE=git.corp && NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM python:3.12\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\n'],
  invalid: [
    {
      code: bad,
      errors: [
        at(bad, 'PYTHONHTTPSVERIFY=0'),
        at(bad, 'GOINSECURE=git.corp'),
        at(bad, 'NODE_TLS_REJECT_UNAUTHORIZED=0'),
      ],
    },
  ],
});
