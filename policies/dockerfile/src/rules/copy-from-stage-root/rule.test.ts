import { across, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const json = `FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api
FROM debian:12-slim
COPY --from=0 ["/", "/srv/"]
`;
const image = 'FROM alpine:3.20\nCOPY --from=docker.io/library/busybox:1.36 / /opt/busybox/\n';

tester.run(rule, {
  valid: [
    HARDENED,
    // A rootfs assembled in a scratch stage is copied whole on purpose.
    'FROM alpine:3.20 AS fetch\nRUN mkdir /rootfs\nFROM scratch AS rootfs\nCOPY --from=fetch /rootfs/ /\nFROM gcr.io/distroless/base-debian12\nCOPY --from=rootfs / /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/ /usr/local/bin/\n',
  ],
  invalid: [
    { code: json, errors: [across(json, '"/"', '"/srv/"', '`COPY --from=0`')] },
    { code: image, errors: [across(image, '/ /opt', '/opt/busybox/', 'busybox:1.36')] },
  ],
});
