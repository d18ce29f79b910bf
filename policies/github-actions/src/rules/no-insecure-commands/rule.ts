import { defineRule, type Loc } from '@plumbline/core';
import { allSteps, type Entry, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

export default defineRule({
  id: 'gha/no-insecure-commands',
  domain: ghaDomain,
  meta: {
    title: 'Insecure workflow commands re-enabled',
    description:
      '`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns the deprecated `::set-env::` and `::add-path::` log commands back on.',
    rationale:
      'With them on, anything that reaches the job log (a test name, a file name, a PR title printed by a tool) can set environment variables such as `NODE_OPTIONS` or `LD_PRELOAD` for later steps: code execution from log output. GitHub disabled them in 2020 for this reason (CVE-2020-15228). High because exploiting it only takes printing text.',
    remediation:
      'Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to the `$GITHUB_ENV` / `$GITHUB_PATH` files instead.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_GHA_1', 'zizmor:insecure-commands'],
    references: [
      'https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const check = (entries: Entry[], resource?: string) => {
      for (const e of entries) {
        if (e.name.toUpperCase() !== 'ACTIONS_ALLOW_UNSECURE_COMMANDS') continue;
        if (
          String(e.value.text ?? '')
            .trim()
            .toLowerCase() !== 'true'
        )
          continue;
        const at: Loc = { file: e.value.keyLoc.file, start: e.value.keyLoc.start, end: e.value.loc.end };
        ctx.report({
          at,
          message:
            '`ACTIONS_ALLOW_UNSECURE_COMMANDS` is `true`: log output can set environment variables and PATH for later steps.',
          resource,
          evidence: e.name,
        });
      }
    };
    if (unit.kind === 'workflow') {
      check(unit.env);
      for (const job of unit.jobs) check(job.env, `jobs.${job.id}`);
    } else {
      check(unit.env);
    }
    for (const step of allSteps(unit)) check(step.env, resourceOf(step));
  },
});
