import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = 'FROM alpine:3.20\nRUN apk update && apk --update add --virtual .deps gcc\n';

tester.run(rule, {
  valid: [
    HARDENED,
    'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc\n',
    'FROM alpine:3.20\nRUN apk add --no-network --virtual .redis-rundeps $runDeps\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'add')] }],
});
