import { defineRule } from '@plumbline/core';
import { allSteps, type GhaValue, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

const isCmd = (v: GhaValue | undefined) => v?.text?.trim().toLowerCase().split(/\s+/)[0] === 'cmd';

export default defineRule({
  id: 'gha/no-cmd-shell',
  domain: ghaDomain,
  meta: {
    title: '`shell: cmd` hides failing commands',
    description: 'A step or a `defaults.run` runs its script with `shell: cmd`.',
    rationale:
      "GitHub runs a `cmd` script as a batch file and only checks the exit code of its last command: a failed build, test or signing step earlier in the script is ignored and the job goes green. `pwsh` and `bash` stop at the first failure (GitHub sets `$ErrorActionPreference = 'stop'` and `-e`). Low.",
    remediation:
      'Use `shell: pwsh` (the default on Windows runners) or `shell: bash`; if `cmd` is needed, end every line with `|| exit /b 1`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:misfeature'],
    references: [
      'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#exit-codes-and-error-action-preference',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/windows.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: |\n          msbuild app.sln /p:Configuration=Release\n          vstest.console.exe tests\\bin\\Release\\tests.dll\n        shell: cmd\n',
          errors: [{ line: 9, column: 16, endLine: 9, endColumn: 19 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/windows.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: |\n          msbuild app.sln /p:Configuration=Release\n          vstest.console.exe tests\\bin\\Release\\tests.dll\n        shell: pwsh\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const defaults = (d: GhaValue | undefined, route: string) => {
      const shell = (d?.value as { run?: { shell?: unknown } } | undefined)?.run?.shell;
      if (typeof shell !== 'string' || shell.trim().toLowerCase() !== 'cmd') return undefined;
      return { route, d: d! };
    };
    if (unit.kind === 'workflow') {
      const found = [
        defaults(unit.defaults, 'workflow'),
        ...unit.jobs.map((j) => defaults(j.defaults, `jobs.${j.id}`)),
      ];
      for (const hit of found) {
        if (!hit) continue;
        const at = unit.doc.at([...hit.d.route, 'run', 'shell']) ?? hit.d.loc;
        ctx.report({
          at,
          message: '`defaults.run.shell: cmd`: every run script here only fails on its last command.',
          resource: hit.route === 'workflow' ? undefined : hit.route,
          evidence: `${hit.route} defaults cmd`,
        });
      }
    }
    for (const step of allSteps(unit)) {
      if (!step.run || !isCmd(step.shell)) continue;
      ctx.report({
        at: step.shell!.loc,
        message:
          'This script runs under `cmd`: a failing command before the last one does not fail the step.',
        resource: resourceOf(step),
      });
    }
  },
});
