import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nARG D=srv\nWORKDIR ${D}/app\nWORKDIR "build dir"\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nWORKDIR $HOME/app\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n',
    'FROM alpine:3.20\nENV APP=/srv\nWORKDIR ${APP}/x\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '${D}/app'), at(bad, '"build')] }],
});
