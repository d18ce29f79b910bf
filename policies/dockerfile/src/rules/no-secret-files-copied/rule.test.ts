import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM alpine:3.20\nCOPY .env config/ /app/\nADD ["certs/server.key", "/etc/ssl/private/"]\nCOPY ./id_ed25519 /root/.ssh/\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nCOPY .env.example ca.pem certs/fullchain.pem id_rsa.pub /app/\n',
    'FROM alpine:3.20 AS build\nCOPY .npmrc .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, '.env'), at(bad, '"certs/server.key"'), at(bad, './id_ed25519')] }],
});
