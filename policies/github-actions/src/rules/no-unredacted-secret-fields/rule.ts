import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { unitExpressions } from '../../lib/expressions.js';

/** `fromJSON(secrets.X)` followed by a property or index: the part is a new string GitHub never masks. */
const SECRET_FIELD = /\bfromjson\s*\(\s*secrets\s*(?:\.\s*[\w-]+|\[[^\]]+\])\s*\)\s*(?:\.\s*[\w-]+|\[)/i;

export default defineRule({
  id: 'gha/no-unredacted-secret-fields',
  domain: ghaDomain,
  meta: {
    title: 'Field of a JSON secret used without masking',
    description:
      'An expression parses a secret as JSON and uses one of its fields (`fromJSON(secrets.CREDS).password`): the field is a new value that GitHub does not mask in logs.',
    rationale:
      "GitHub redacts secrets from logs by matching the registered secret text. A field cut out of a structured secret is a different string, so it is printed in clear wherever the step echoes it, fails with it in an error, or passes it to a tool that logs its arguments; public repositories' logs are readable by anyone. Medium.",
    remediation:
      'Store each credential as its own secret, or mask the field before use: `echo "::add-mask::$VALUE"` in a first step, then pass it on through `env:`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:unredacted-secrets'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          DB_PASSWORD: ${{ fromJSON(secrets.DB).password }}\n',
          errors: [{ line: 8, column: 24, endLine: 8, endColumn: 60 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { expression, resource } of unitExpressions(unit)) {
      if (!SECRET_FIELD.test(expression.body)) continue;
      ctx.report({
        at: expression.loc,
        message: 'A field cut out of a JSON secret is not masked in logs.',
        resource,
        evidence: expression.body,
      });
    }
  },
});
