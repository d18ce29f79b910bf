import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';

/** GitHub-hosted images that were retired (jobs on them never start, or fail) or are being retired. */
const RETIRED: Record<string, string> = {
  'ubuntu-16.04': 'ubuntu-latest',
  'ubuntu-18.04': 'ubuntu-latest',
  'ubuntu-20.04': 'ubuntu-24.04',
  'macos-10.15': 'macos-latest',
  'macos-11': 'macos-latest',
  'macos-12': 'macos-latest',
  'macos-13': 'macos-latest (or macos-15-intel for x86_64)',
  'windows-2016': 'windows-latest',
  'windows-2019': 'windows-2022',
};

export default defineRule({
  id: 'gha/no-deprecated-runner-images',
  domain: ghaDomain,
  meta: {
    title: 'Retired GitHub-hosted runner image',
    description:
      '`runs-on` names a GitHub-hosted image that has been retired (ubuntu-18.04/20.04, macos-10.15 to macos-13, windows-2016/2019).',
    rationale:
      'Jobs on a retired image wait in the queue until they time out or fail at once, so the workflow is broken, not just old; during the brownouts before retirement they fail at random. Medium.',
    remediation:
      'Move to a supported image (`ubuntu-24.04`, `macos-15`, `windows-2022`) or the `-latest` label, and test the toolchain there.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://github.com/actions/runner-images#available-images'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-20.04\n    steps:\n      - run: make test\n',
          errors: [{ line: 4, column: 14, endLine: 4, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      if (!job.runsOn) continue;
      const routes: (string | number)[][] = Array.isArray(job.runsOn.value)
        ? job.runsOn.value.map((_, i) => [...job.route, 'runs-on', i])
        : [[...job.route, 'runs-on']];
      for (const route of routes) {
        const label = unit.doc.get(route);
        if (typeof label !== 'string') continue;
        const next = RETIRED[label.trim().toLowerCase()];
        if (!next) continue;
        ctx.report({
          at: unit.doc.at(route) ?? job.runsOn.loc,
          message: `\`${label}\` is a retired runner image; use ${next}.`,
          resource: `jobs.${job.id}`,
          evidence: label,
        });
      }
      // Matrix values used as runner labels.
      const matrix = (job.strategy?.value as { matrix?: Record<string, unknown> } | undefined)?.matrix;
      if (
        matrix &&
        typeof matrix === 'object' &&
        /matrix\./.test(job.runsOn.text ?? JSON.stringify(job.runsOn.value))
      ) {
        for (const [key, values] of Object.entries(matrix)) {
          if (!Array.isArray(values)) continue;
          values.forEach((v, i) => {
            if (typeof v !== 'string' || !RETIRED[v.toLowerCase()]) return;
            const route = [...job.route, 'strategy', 'matrix', key, i];
            ctx.report({
              at: unit.doc.at(route) ?? job.runsOn!.loc,
              message: `\`${v}\` is a retired runner image; use ${RETIRED[v.toLowerCase()]}.`,
              resource: `jobs.${job.id}`,
              evidence: v,
            });
          });
        }
      }
    }
  },
});
