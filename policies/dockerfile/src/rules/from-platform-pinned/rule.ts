import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const bad = 'FROM --platform=linux/amd64 python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3\n';

export default defineRule({
  id: 'dockerfile/from-platform-pinned',
  domain: dockerfileDomain,
  meta: {
    title: 'FROM pins a platform',
    description:
      '`FROM --platform=<os/arch>` names a fixed platform instead of a build argument (`$BUILDPLATFORM`, `$TARGETPLATFORM`).',
    rationale:
      'Low: the image is built for that architecture whatever `docker build --platform` asks for, so a multi-platform build silently ships amd64 binaries in the arm64 image (run under emulation, or failing with `exec format error`). Sometimes deliberate (a tool only published for amd64), hence low with medium confidence.',
    remediation:
      'Drop the flag and let `--platform` of the build decide, or use `--platform=$BUILDPLATFORM` for stages that cross-compile.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['DL3029'],
    references: ['https://docs.docker.com/build/building/multi-platform/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--platform=linux/amd64')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || flag.value.includes('$')) continue;
      report(
        ctx,
        flag,
        stage.from,
        `\`FROM --platform=${flag.value}\` builds this stage for ${flag.value} whatever platform the build targets.`,
      );
    }
  },
});
