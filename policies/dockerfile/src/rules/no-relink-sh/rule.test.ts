import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends bash=5.2.15-2+b7 \\
 && rm -rf /var/lib/apt/lists/* \\
 && ln -s -f /usr/bin/bash /usr/bin/sh
`;

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM debian:12-slim\nRUN ln -sf /usr/bin/python3 /usr/local/bin/python\n',
    'FROM debian:12-slim\nRUN ln -s /bin/sh /usr/local/bin/shell\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'ln -s -f /usr/bin/bash /usr/bin/sh')] }],
});
