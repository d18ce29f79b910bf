import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12-slim\nRUN apt-get update\nRUN apt-get -y install curl\nRUN rm -rf /var/lib/apt/lists/*\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n',
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:13-slim\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'install', 2)] }],
});
