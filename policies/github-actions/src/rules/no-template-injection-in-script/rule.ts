import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain } from '@plumbline/lang-yaml';
import { codeInputs } from '../../lib/code-inputs.js';
import { taints } from '../../lib/taint.js';
import { resourceOf, sameRepoOnly } from '../../lib/util.js';

export default defineRule({
  id: 'gha/no-template-injection-in-script',
  domain: ghaDomain,
  meta: {
    title: 'Attacker-controlled expression expanded into action code',
    description:
      'A `${{ }}` expression carrying outsider-controlled text is pasted into an input that an action runs as code: the `script:` of `actions/github-script` (JavaScript), `inlineScript` of `azure/cli` and `azure/powershell`, the `cmd` of `mikefarah/yq`, Python/PowerShell/JavaScript script actions, SSH and `docker run` actions, or the `args`/`entrypoint` of a `docker://` step.',
    rationale:
      'The expression is substituted before the interpreter parses the code, so a pull request title containing `"); await github.rest.repos.delete(...); ("` runs as JavaScript with the job token. Same weakness as a `run:` injection, high for the same reason. Not reported in a job or step guarded by `github.event.pull_request.head.repo.full_name == github.repository` (or `head.repo.fork == false`): only people who can push branches here reach it, and they can change the workflow anyway.',
    remediation:
      'Read the value inside the script instead of templating it in: `context.payload.pull_request.title` in github-script, or pass it through `env:` and read `process.env.TITLE`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['zizmor:template-injection', 'poutine:injection', 'scorecard:Dangerous-Workflow'],
    references: ['https://github.com/actions/github-script#security'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/label.yml',
          code: `on: pull_request_target
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            console.log("\${{ github.event.pull_request.title }}")
`,
          errors: [{ line: 9, column: 26, endLine: 9, endColumn: 64 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/label.yml',
          code: `on: pull_request_target
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            console.log(context.payload.pull_request.title)
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      const uses = step.uses;
      const inputs = codeInputs(step);
      if (!uses || inputs.length === 0 || sameRepoOnly(step.job, step)) continue;
      for (const input of step.with) {
        if (!inputs.includes(input.name.toLowerCase())) continue;
        for (const expression of input.value.expressions) {
          const taint = taints(expression, step)[0];
          if (!taint) continue;
          const how = taint.via ? `\`${taint.via}\` (from \`${taint.source}\`)` : `\`${taint.source}\``;
          ctx.report({
            at: expression.loc,
            message: `${how} is expanded into the \`${input.name}\` code of \`${uses.raw}\`; whoever controls it can run code in the job.`,
            resource: resourceOf(step),
            // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
            container: step,
            evidence: expression.body,
          });
        }
      }
    }
  },
});
