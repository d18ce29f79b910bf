import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

const FETCH = new Set(['curl', 'wget', 'fetch']);
const RUNNER = /^((ba|da|a|z|k)?sh|python[0-9.]*|perl|ruby|node|php|pwsh|busybox)$/;

const bad = 'FROM debian:12-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n';

export default defineRule({
  id: 'dockerfile/no-curl-pipe-shell',
  domain: dockerfileDomain,
  meta: {
    title: 'Remote script piped into a shell',
    description:
      'A `RUN` downloads a script and executes it directly (`curl ... | sh`, `sh -c "$(curl ...)"`), without checking what was downloaded.',
    rationale:
      'Medium: the script runs as root in the build with whatever the server (or anyone who compromised it, its CDN or its DNS) sends that day, and nothing records what ran. It is a common vendor install path over HTTPS, which keeps it at medium rather than high.',
    remediation:
      'Download to a file, verify a pinned checksum or signature, then run it: `curl -fsSLo /tmp/setup.sh URL && echo "<sha256>  /tmp/setup.sh" | sha256sum -c - && sh /tmp/setup.sh`; better, install the vendor’s signed package.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          errors: [spanOf(bad, 'curl -fsSL https://deb.nodesource.com/setup_20.x | bash -')],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/setup.sh https://deb.nodesource.com/setup_20.x \\\n && echo "6c6f...  /tmp/setup.sh" | sha256sum -c - && bash /tmp/setup.sh\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { run, container, command } of commands(model)) {
      const p = command.pipeline;
      if (p && FETCH.has(command.base) && p.index === p.commands.indexOf(command)) {
        // A later member of the pipe, or a command it wraps (`| sudo bash`), that runs code.
        const runner = (run.shell?.commands ?? []).find(
          (c) =>
            c.pipeline?.commands === p.commands &&
            c.pipeline.index > p.index &&
            RUNNER.test(c.base) &&
            !c.args.some((a) => a.value === '-n'),
        );
        if (runner) {
          report(
            ctx,
            { file: command.loc.file, start: command.loc.start, end: runner.loc.end },
            container,
            `The output of \`${command.base}\` is executed by \`${runner.base}\` without verification.`,
          );
          continue;
        }
      }
      // sh -c "$(curl ...)", bash <(curl ...), python <(wget -O- ...)
      if (RUNNER.test(command.base) && command.args.some((a) => /(\$\(|<\(|`)\s*(curl|wget)\b/.test(a.raw))) {
        report(ctx, command, container, `\`${command.base}\` executes a script downloaded on the fly.`);
      }
    }
  },
});
