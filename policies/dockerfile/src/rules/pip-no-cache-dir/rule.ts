import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { envOf, finalChain, hasOption, mountsCache, report, spanOf } from '../../lib/index.js';
import { asPip } from '../../lib/packages.js';

const bad = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';

export default defineRule({
  id: 'dockerfile/pip-no-cache-dir',
  domain: dockerfileDomain,
  meta: {
    title: 'pip install keeps its download cache',
    description:
      '`pip install` in the final image runs without `--no-cache-dir`, so the wheel cache (often hundreds of MB) stays in the layer.',
    rationale:
      'Low: image size and pull time, not a vulnerability. Build stages are not checked: their layers never ship.',
    remediation:
      'Use `pip install --no-cache-dir ...`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/pip pip install ...`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3042'],
    references: ['https://pip.pypa.io/en/stable/topics/caching/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'pip install')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of finalChain(model)) {
      const env = envOf(stage, 'PIP_NO_CACHE_DIR');
      if (env && !/^(0|false|no|off)?$/i.test(env.value ?? '')) continue;
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || mountsCache(run, /\.cache|pip/)) continue;
        for (const command of run.shell?.commands ?? []) {
          const pip = asPip(command);
          if (pip?.args.find((a) => !a.value.startsWith('-'))?.value !== 'install') continue;
          if (hasOption(pip, '', ['no-cache-dir', 'no-cache'])) continue;
          if (command.env.some((a) => a.name === 'PIP_NO_CACHE_DIR')) continue;
          // `export PIP_NO_CACHE_DIR=1 && pip install ...` in the same RUN.
          if (
            run.shell?.assignments.some(
              (a) =>
                a.name === 'PIP_NO_CACHE_DIR' &&
                a.loc.start < command.loc.start &&
                !/^(0|false|no|off)?$/i.test(a.value),
            )
          )
            continue;
          report(
            ctx,
            {
              file: command.loc.file,
              start: command.loc.start,
              end: pip.args.find((a) => a.value === 'install')!.loc.end,
            },
            run,
            '`pip install` without `--no-cache-dir` leaves the pip cache in the image.',
          );
        }
      }
    }
  },
});
