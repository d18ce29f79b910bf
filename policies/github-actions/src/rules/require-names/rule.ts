import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/require-names',
  domain: ghaDomain,
  meta: {
    title: 'Workflow or job without a name',
    description: 'A workflow has no top-level `name:`, or a job of a multi-job workflow has no `name:`.',
    rationale:
      "The Actions tab, required status checks and notifications then show file paths and job ids, which makes failures harder to triage and branch-protection rules easy to misconfigure. Info only, off by default (like zizmor's pedantic audit).",
    remediation: 'Give the workflow and each job a short `name:` saying what it does.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:anonymous-definition'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#name',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 3 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind === 'action') {
      if (!unit.name) ctx.report({ at: unit.doc.nearest(['runs']), message: 'The action has no `name:`.' });
      return;
    }
    if (!unit.name)
      ctx.report({
        at: unit.on?.keyLoc ?? unit.loc,
        message: 'The workflow has no `name:`; the Actions tab shows its file path.',
        evidence: 'workflow',
      });
    if (unit.jobs.length < 2) return;
    for (const job of unit.jobs) {
      if (!job.name && !job.uses)
        ctx.report({
          at: job.keyLoc,
          message: `Job \`${job.id}\` has no \`name:\`.`,
          resource: `jobs.${job.id}`,
        });
    }
  },
});
