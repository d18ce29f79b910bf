import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20 AS Base\nFROM alpine:3.20 AS base\nFROM alpine:3.20 AS BASE\n';

tester.run(rule, {
  valid: [HARDENED, 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nFROM alpine:3.20\n'],
  invalid: [{ code: bad, errors: [at(bad, 'base'), at(bad, 'BASE')] }],
});
