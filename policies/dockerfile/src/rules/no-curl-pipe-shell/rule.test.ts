import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad =
  'FROM debian:12\nRUN wget -qO- https://get.example.com | sudo sh -s -- --yes\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12\nRUN curl -fsSL https://x/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n',
    'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n',
  ],
  invalid: [
    {
      code: bad,
      errors: [
        at(bad, 'wget -qO- https://get.example.com | sudo sh -s -- --yes'),
        at(bad, 'sh -c "$(curl -fsSL https://x/install.sh)"'),
      ],
    },
  ],
});
