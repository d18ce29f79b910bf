import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM debian:12\nRUN apt-get -q update && echo done\nFROM alpine:3.20\nRUN apk update\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n',
    'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n',
    'FROM alpine:3.20\nRUN apk update && apk add curl\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'apt-get -q update'), at(bad, 'apk update')] }],
});
