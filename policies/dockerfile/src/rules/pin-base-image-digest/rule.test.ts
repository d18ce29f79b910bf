import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM golang:1.22 AS build\nFROM build\nFROM ghcr.io/acme/base:2\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM scratch\n',
    'ARG BASE\nFROM $BASE\n',
    { code: 'FROM ghcr.io/acme/base:2\n', options: { ignore: ['ghcr.io/acme/'] } },
  ],
  invalid: [{ code: bad, errors: [at(bad, 'golang:1.22'), at(bad, 'ghcr.io/acme/base:2')] }],
});
