import { defineRule } from '@plumbline/core';
import { dockerfileDomain, type ShellCommand } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';
import { isApk, isApt, isRpm, packagesOf } from '../../lib/packages.js';

const TOOLCHAIN_PACKAGES =
  /^(build-essential|gcc|g\+\+|clang|make|cmake|gcc-c\+\+|musl-dev|libc6?-dev|python3?-dev|golang|rust|cargo|maven|gradle|openjdk-\d+-jdk|default-jdk)([=~<>].*)?$/;
const BUILD_COMMANDS: [RegExp, RegExp][] = [
  [/^go$/, /^build$/],
  [/^cargo$/, /^build$/],
  [/^(mvn|mvnw|gradle|gradlew)$/, /^(package|install|build|assemble|bootJar)$/],
  [/^(npm|yarn|pnpm)$/, /^(build|run)$/],
  [/^dotnet$/, /^(publish|build)$/],
  [/^(gcc|g\+\+|make|cmake)$/, /.*/],
];

function removesPackages(c: ShellCommand): boolean {
  return (
    isApk(c, ['del']) ||
    isApt(c, ['purge', 'remove', 'autoremove']) ||
    isRpm(c, ['remove', 'erase', 'autoremove'])
  );
}

const bad =
  'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app ./cmd/app\nCMD ["app"]\n';

export default defineRule({
  id: 'dockerfile/multi-stage-build',
  domain: dockerfileDomain,
  meta: {
    title: 'Single-stage image that compiles its application',
    description:
      'The Dockerfile has one stage, and that stage installs a compiler toolchain or runs a build (`go build`, `cargo build`, `mvn package`, `npm run build`...), so the toolchain ships in the final image.',
    rationale:
      'Info: compilers, package caches and sources in the runtime image add hundreds of megabytes and many CVE reports, and give an attacker tools to build exploits in place. A second stage fixes it cheaply; it is advice, not a defect. Images without `CMD`/`ENTRYPOINT`/`EXPOSE` (base and toolchain images) and builds that remove their build dependencies in the same `RUN` are not reported.',
    remediation:
      'Build in a `FROM ... AS build` stage and copy only the artefact into a slim runtime stage: `COPY --from=build /out/app /usr/local/bin/app` on top of a distroless, slim or alpine image.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'medium',
    aliases: [],
    references: ['https://docs.docker.com/build/building/multi-stage/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'golang:1.22')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    if (model.stages.length !== 1) return;
    const stage = model.stages[0]!;
    // A base or toolchain image (no CMD, ENTRYPOINT or EXPOSE of its own) is meant to carry its tools.
    if (!stage.instructions.some((i) => ['CMD', 'ENTRYPOINT', 'EXPOSE'].includes(i.keyword))) return;
    for (const { run, command } of commands(model)) {
      // Build dependencies removed in the same RUN (`apk del .build-deps`, `apt-get purge`) do not ship.
      if ((run.shell?.commands ?? []).some(removesPackages)) continue;
      const installsToolchain =
        (isApt(command, ['install']) || isApk(command, ['add']) || isRpm(command, ['install'])) &&
        packagesOf(command).some((p) => TOOLCHAIN_PACKAGES.test(p.value));
      const sub = command.args.find((a) => !a.value.startsWith('-'))?.value ?? '';
      const builds = BUILD_COMMANDS.some(
        ([name, s]) =>
          name.test(command.base) &&
          s.test(sub) &&
          ((command.base !== 'npm' && command.base !== 'yarn' && command.base !== 'pnpm') ||
            sub === 'build' ||
            command.args.some((a) => a.value === 'build')),
      );
      if (installsToolchain || builds) {
        report(
          ctx,
          stage.image,
          stage.from,
          `This single-stage image builds its application (\`${command.base} ${sub}\`), so the toolchain ships with it.`,
        );
        return;
      }
    }
  },
});
