import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { conditions } from '../../lib/util.js';

export default defineRule({
  id: 'gha/no-always-true-condition',
  domain: ghaDomain,
  meta: {
    title: 'Condition that is always true',
    description:
      'An `if:` mixes `${{ }}` with other text (`${{ a }} && ${{ b }}`, or a `|` block that keeps a trailing newline), so GitHub sees a non-empty string, which is always true.',
    rationale:
      'When an `if:` is not a single expression, GitHub substitutes the pieces and evaluates the resulting text, and any non-empty text is truthy: the guard never stops the step, e.g. a deploy or a privileged step meant only for trusted events. High because the author believes a gate exists.',
    remediation:
      'Write the whole condition as one expression: `if: ${{ a && b }}` or simply `if: a && b`; use `>-` or a single line instead of `|`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['zizmor:unsound-condition', 'poutine:if_always_true'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on: push\njobs:\n  release:\n    if: ${{ github.ref == 'refs/heads/main' }} && ${{ github.repository == 'org/app' }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: make release\n",
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 88 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on: push\njobs:\n  release:\n    if: ${{ github.ref == 'refs/heads/main' && github.repository == 'org/app' }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: make release\n",
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { condition, resource } of conditions(unit)) {
      const { value } = condition;
      const text = value.text ?? '';
      if (value.expressions.length === 0) continue;
      const single = value.expressions.length === 1 && text === value.expressions[0]!.raw;
      // Leading/trailing spaces of a plain scalar are not part of the value; a newline from `|` is.
      if (
        single ||
        (value.expressions.length === 1 && text.trim() === value.expressions[0]!.raw && !/\n/.test(text))
      )
        continue;
      ctx.report({
        at: value.loc,
        message:
          /\n$/.test(text) && value.expressions.length === 1 && text.trim() === value.expressions[0]!.raw
            ? 'This `if:` keeps a trailing newline after `${{ }}` (block scalar `|`), so it is a non-empty string: always true.'
            : 'This `if:` mixes `${{ }}` with other text, so it evaluates to a non-empty string: always true.',
        resource,
        evidence: text.trim(),
      });
    }
  },
});
