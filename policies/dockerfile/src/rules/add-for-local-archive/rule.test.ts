import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM debian:12-slim
WORKDIR /opt
COPY vendor/ ./vendor/
COPY dist/agent-linux-amd64.tgz ./
RUN tar xzf agent-linux-amd64.tgz && rm agent-linux-amd64.tgz
`;

tester.run(rule, {
  valid: [
    HARDENED,
    // Copied to be served or unpacked elsewhere, not extracted here.
    'FROM nginx:1.27\nCOPY downloads/tool.tar.gz /usr/share/nginx/html/\n',
    'FROM golang:1.23 AS src\nCOPY src.tar.gz /tmp/\nFROM alpine:3.20\nCOPY --from=src /tmp/src.tar.gz /tmp/\nRUN tar -xzf /tmp/src.tar.gz\n',
  ],
  invalid: [{ code: bad, errors: [at(bad, 'dist/agent-linux-amd64.tgz')] }],
});
