import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { conditions } from '../../lib/util.js';

const CONTAINS_IN_STRING =
  /contains\(\s*'([^']*)'\s*,\s*([A-Za-z_][\w-]*(?:\s*\.\s*[\w*-]+|\[[^\]]*\])*)\s*\)/gi;

export default defineRule({
  id: 'gha/no-unsound-contains',
  domain: ghaDomain,
  meta: {
    title: '`contains()` on a string used as a list',
    description:
      "An `if:` tests a context with `contains('refs/heads/main refs/heads/release', github.ref)`: on a string, `contains` is a substring test, not membership in a list.",
    rationale:
      'Any value that is a substring of the literal passes: a branch named `main` passes a check meant for `refs/heads/main`, and `refs/heads/m` passes too, so whoever can push a branch or choose the tested value gets past the gate. Medium: it needs a value the attacker can shape.',
    remediation:
      'Use a real list: `contains(fromJSON(\'["refs/heads/main", "refs/heads/release"]\'), github.ref)`, or compare with `==` joined by `||`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:unsound-contains'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions#contains',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: "on: push\njobs:\n  deploy:\n    if: contains('refs/heads/main refs/heads/release', github.ref)\n    runs-on: ubuntu-latest\n    steps:\n      - run: make deploy\n",
          errors: [{ line: 4, column: 56, endLine: 4, endColumn: 66 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    if: contains(fromJSON(\'["refs/heads/main", "refs/heads/release"]\'), github.ref)\n    runs-on: ubuntu-latest\n    steps:\n      - run: make deploy\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { condition, resource } of conditions(unit)) {
      const expressions = [condition.expression, ...condition.value.expressions];
      const body = condition.value.text ?? '';
      for (const m of body.matchAll(CONTAINS_IN_STRING)) {
        const path = m[2]!.replace(/\s+/g, '').toLowerCase();
        const context = expressions.flatMap((e) => e.contexts).find((c) => c.path === path);
        if (!context) continue;
        ctx.report({
          at: context.loc,
          message: `\`${m[2]}\` is looked up in the string '${m[1]}' with \`contains\`, a substring test: partial values pass.`,
          resource,
          evidence: m[0],
        });
      }
    }
  },
});
