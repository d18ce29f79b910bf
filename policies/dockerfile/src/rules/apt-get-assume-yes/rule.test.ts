import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew upgrade && sudo apt-get purge foo\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN apt-get -q -q install curl && apt-get install -s libssl-dev && apt-get --simulate upgrade\n',
    'FROM debian:12\nRUN apt-get install -qy curl && apt-get --yes remove x && apt-get -qq install y\n',
    'FROM debian:12\nRUN yes | apt-get install curl\n',
    'FROM debian:12\nRUN apt-get update\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'upgrade'), at(bad, 'purge')] }],
});
