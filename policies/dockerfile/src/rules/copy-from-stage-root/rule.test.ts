import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const json = `FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api
FROM debian:12-slim
COPY --from=0 ["/", "/srv/"]
`;
const named = `FROM python:3.12 AS venv
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt
FROM python:3.12-slim AS runtime
COPY --from=VENV / /
`;

tester.run(rule, {
  valid: [
    HARDENED,
    // A rootfs assembled in a scratch stage is copied whole on purpose.
    'FROM alpine:3.20 AS fetch\nRUN mkdir /rootfs\nFROM scratch AS rootfs\nCOPY --from=fetch /rootfs/ /\nFROM gcr.io/distroless/base-debian12\nCOPY --from=rootfs / /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/ /usr/local/bin/\n',
    // A tools image made to be copied whole, and the squash idiom.
    'FROM debian:12-slim\nCOPY --from=docker/buildx-bin:0.19 / /usr/libexec/docker/cli-plugins/\n',
    'FROM debian:12 AS full\nRUN rm -rf /usr/share/doc/*\nFROM scratch\nCOPY --from=full / /\n',
  ],
  invalid: [
    { code: json, errors: [across(json, '"/"', '"/srv/"', '`COPY --from=0`')] },
    { code: named, errors: [across(named, '/ /', '/ /', 'of `VENV`')] },
  ],
});
