import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/app .
FROM gcr.io/distroless/static-debian12:nonroot
USER 65532
COPY --from=build /out/app /app
USER nonroot:nonroot
ENTRYPOINT ["/app"]
`;

tester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app\nUSER 10001:10001\n',
    'FROM alpine:3.20\nARG UID=10001\nUSER ${UID}\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
    'FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 1000\n',
  ],
  invalid: [
    { code: bad, errors: [at(bad, 'nonroot:nonroot', 1, '`nonroot`')] },
    { code: HARDENED, errors: [at(HARDENED, 'appuser', 7)] },
  ],
});
