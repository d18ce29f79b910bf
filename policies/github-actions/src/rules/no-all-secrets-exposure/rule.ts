import { defineRule } from '@plumbline/core';
import { allSteps, type Expression, ghaDomain } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

export default defineRule({
  id: 'gha/no-all-secrets-exposure',
  domain: ghaDomain,
  meta: {
    title: 'Whole secrets context exposed',
    description:
      'An expression reads the whole `secrets` context (`toJSON(secrets)`) or indexes it with a computed name (`secrets[matrix.name]`).',
    rationale:
      'Every secret of the repository is then loaded into the step, not only the one it needs: a compromised action or script can exfiltrate all of them, and GitHub cannot mask values that are transformed. Medium; high impact but usually no direct attacker path.',
    remediation:
      'Reference each secret by name: `${{ secrets.NPM_TOKEN }}`; for a matrix, map names to secrets explicitly.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:overprovisioned-secrets', 'poutine:job_all_secrets'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          ALL: ${{ toJSON(secrets) }}\n        run: ./script.sh\n',
          errors: [{ line: 7, column: 16, endLine: 7, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TOKEN: ${{ secrets.TOKEN }}\n        run: ./script.sh\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const seen = new Set<Expression>();
    const visit = (expressions: Expression[], resource: string | undefined) => {
      for (const e of expressions) {
        if (seen.has(e)) continue;
        seen.add(e);
        const whole = e.contexts.find((c) => c.path === 'secrets' || c.path === 'secrets.*');
        if (!whole) continue;
        ctx.report({
          at: e.loc,
          message:
            whole.path === 'secrets'
              ? 'The whole `secrets` context is read here: every secret is exposed to this step.'
              : 'Secrets are indexed with a computed name: any secret can be reached from here.',
          resource,
          evidence: e.body,
        });
      }
    };
    const values = (entries: { value: { expressions: Expression[] } }[]) =>
      entries.flatMap((e) => e.value.expressions);
    if (unit.kind === 'workflow') {
      visit(values(unit.env), undefined);
      for (const job of unit.jobs) {
        const r = `jobs.${job.id}`;
        visit([...values(job.env), ...values(job.with), ...(job.secrets?.expressions ?? [])], r);
      }
    }
    for (const step of allSteps(unit)) {
      visit([...(step.run?.expressions ?? []), ...values(step.env), ...values(step.with)], resourceOf(step));
    }
  },
});
