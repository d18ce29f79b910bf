import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM registry.example.com/base:1\nFROM node:20\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM ghcr.io/acme/x:1\nFROM docker.io/library/node:20\nFROM scratch\n',
    { code: 'FROM registry.example.com/base:1\n', options: { registries: ['registry.example.com'] } },
    { code: 'FROM evil.example.com/base:1\n', options: { registries: [] } },
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'registry.example.com/base:1')] },
    {
      code: bad,
      options: { registries: ['registry.example.com/base'] },
      errors: [at(bad, 'node:20', 1, '`docker.io`')],
    },
  ],
});
