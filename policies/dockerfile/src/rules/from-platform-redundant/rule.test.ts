import { at, HARDENED, tester } from '../../lib/testing.js';
import rule from './rule.js';

const bad = `FROM --platform=\${BUILDPLATFORM} golang:1.23 AS build
ARG TARGETOS TARGETARCH
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/server ./cmd/server
FROM --platform=\${TARGETPLATFORM} gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
`;

tester.run(rule, {
  valid: [HARDENED, bad.replace('--platform=${TARGETPLATFORM} ', '')],
  invalid: [{ code: bad, errors: [at(bad, '--platform=${TARGETPLATFORM}')] }],
});
