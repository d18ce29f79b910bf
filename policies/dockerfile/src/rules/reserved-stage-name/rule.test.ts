import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const scratch = `FROM debian:12-slim AS Scratch
RUN mkdir -p /rootfs/etc && cp /etc/passwd /rootfs/etc/
FROM scratch
COPY --from=Scratch /rootfs/ /
`;

tester.run(rule, {
  valid: [
    HARDENED,
    // Building FROM scratch is what the word is for.
    'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    'FROM alpine:3.20 AS scratchpad\nRUN touch /x\n',
  ],
  invalid: [{ code: scratch, errors: [at(scratch, 'Scratch', 1, '`scratch` is reserved')] }],
});
