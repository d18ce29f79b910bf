import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nSHELL ["/bin/sh", "-c"]\nRUN echo a && wget -qO- https://x | sh && echo b\n';
const inherited =
  'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN set -euxo pipefail; a | b\n',
    'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    'FROM alpine:3.20\nRUN a || b\n',
    'FROM alpine:3.20\nRUN grep " node.tar.xz$" SHASUMS256.txt | sha256sum -c -\n',
    'FROM alpine:3.20\nRUN echo "$SUM  /tmp/x" | sha256sum -c - && v="$(printf %s "$x" | tr -d 3)"\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'wget -qO- https://x | sh')] },
    { code: inherited, errors: [at(inherited, 'a | b')] },
  ],
});
