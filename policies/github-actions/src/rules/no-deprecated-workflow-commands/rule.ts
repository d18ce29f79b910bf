import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf } from '../../lib/util.js';

const REPLACEMENT: Record<string, string> = {
  'set-output': '`echo "name=value" >> "$GITHUB_OUTPUT"`',
  'save-state': '`echo "name=value" >> "$GITHUB_STATE"`',
  'set-env': '`echo "NAME=value" >> "$GITHUB_ENV"`',
  'add-path': '`echo "/dir" >> "$GITHUB_PATH"`',
};

export default defineRule({
  id: 'gha/no-deprecated-workflow-commands',
  domain: ghaDomain,
  meta: {
    title: 'Deprecated workflow command',
    description:
      'A `run:` script prints `::set-output`, `::save-state`, `::set-env` or `::add-path`, log commands GitHub has deprecated or disabled.',
    rationale:
      '`set-env`/`add-path` are disabled (the step fails or silently does nothing) and `set-output`/`save-state` print a deprecation warning and are scheduled for removal; log commands can also be forged by anything else printed to the log. Low: a hygiene and upcoming-breakage issue.',
    remediation:
      'Write to the environment files instead: `$GITHUB_OUTPUT`, `$GITHUB_STATE`, `$GITHUB_ENV`, `$GITHUB_PATH`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: [
      'https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: v\n        run: echo "::set-output name=version::1.2.3"\n',
          errors: [{ line: 7, column: 20, endLine: 7, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: v\n        run: echo "version=1.2.3" >> "$GITHUB_OUTPUT"\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, /::(set-output|save-state|set-env|add-path)\b/)) {
        const command = hit.match[1]!;
        ctx.report({
          at: hit.loc,
          message: `\`::${command}\` is deprecated${command.startsWith('set-env') || command === 'add-path' ? ' and disabled' : ''}; use ${REPLACEMENT[command]}.`,
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: command,
        });
      }
    }
  },
});
