import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { pipefailFix } from '../../lib/fixes.js';
import { chainOf, type Instruction, report, type ShellCommand, type Stage, spanOf } from '../../lib/index.js';

const bad = 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n';

/** Is `-o pipefail` in force for the RUN at `index` of `stage` through a SHELL instruction? */
function shellHasPipefail(stage: Stage, index: number): boolean | undefined {
  const before = stage.instructions.slice(0, index).reverse();
  const shells = [
    before,
    ...chainOf(stage)
      .slice(1)
      .map((s) => [...s.instructions].reverse()),
  ];
  for (const list of shells) {
    const shell = list.find((i) => i.keyword === 'SHELL');
    if (shell) return hasPipefail((shell.json ?? []).map((w) => w.value));
  }
  return false;
}

function hasPipefail(words: string[]): boolean {
  return words.some(
    (w, i) =>
      (w === '-o' && words[i + 1] === 'pipefail') ||
      w === '-opipefail' ||
      (/^-\w*o$/.test(w) && words[i + 1] === 'pipefail'),
  );
}

/** `... | sha256sum -c -` fails on empty or wrong input, so a failed producer still fails the build. */
function verifiesInput(c: ShellCommand): boolean {
  return (
    /^(sha(1|224|256|384|512)?sum|md5sum|b2sum)$/.test(c.base) &&
    c.args.some((a) => a.value === '-c' || a.value === '--check')
  );
}

export default defineRule({
  id: 'dockerfile/pipefail',
  domain: dockerfileDomain,
  meta: {
    title: 'Piped RUN without pipefail',
    description:
      'A `RUN` pipes commands (`a | b`) but the shell does not use `-o pipefail`, so only the last command’s failure fails the build.',
    rationale:
      'Low: `curl ... | tar -x` succeeds when the download fails (tar reads nothing), so the build goes on and ships an image without the file. It hides broken builds rather than opening a hole. Pipes fed by `echo`/`printf`, and pipes into `sha256sum -c` (which fails on empty input), are not reported.',
    remediation:
      'Put `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the `RUN` (on Alpine `["/bin/ash", "-eo", "pipefail", "-c"]`), or start the command with `set -o pipefail &&`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: ['DL4006'],
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          errors: [spanOf(bad, 'curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt')],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      stage.instructions.forEach((run: Instruction, index) => {
        if (run.keyword !== 'RUN' || !run.shell || run.form === 'json') return;
        const cmds = run.shell.commands;
        // Producers that cannot fail (`echo "$sum  file" | sha256sum -c`) make pipefail moot.
        const SAFE = new Set(['echo', 'printf', 'yes', 'true']);
        const pipe = cmds.find(
          (c) =>
            c.pipeline &&
            c.pipeline.index === 0 &&
            c.pipeline.commands.length > 1 &&
            !c.wrappedBy &&
            !c.pipeline.commands.slice(0, -1).every((m) => SAFE.has(m.base)) &&
            !verifiesInput(c.pipeline.commands[c.pipeline.commands.length - 1]!),
        );
        if (!pipe) return;
        if (shellHasPipefail(stage, index)) return;
        const set = cmds.find(
          (c) => c.base === 'set' && c.index < pipe.index && hasPipefail(c.args.map((a) => a.value)),
        );
        if (set) return;
        const members = pipe.pipeline!.commands;
        report(
          ctx,
          { file: pipe.loc.file, start: members[0]!.loc.start, end: members[members.length - 1]!.loc.end },
          run,
          'This pipe only fails the build when its last command fails: set `-o pipefail`.',
          undefined,
          pipefailFix(stage, run),
        );
      });
    }
  },
});
