import { defineRule } from '@plumbline/core';
import {
  allSteps,
  type Expression,
  envFor,
  ghaDomain,
  type LocatedContext,
  type Step,
} from '@plumbline/lang-yaml';
import { taints } from '../../lib/taint.js';
import { resourceOf } from '../../lib/util.js';
import { envFix } from '../no-template-injection-in-run/fix.js';

const INPUT = /^inputs\.[^.*]+$/;

/** An action input whose text reaches the value of `expression`: directly, or through an `env:` entry set from it. */
function inputFlow(
  expression: Expression,
  step: Step,
): { context: LocatedContext; input: string; via?: string } | undefined {
  for (const context of expression.flows) {
    if (INPUT.test(context.path)) return { context, input: context.path };
    const env = context.path.match(/^env\.([^.]+)$/);
    if (!env) continue;
    const raw = context.loc.file.text.slice(context.loc.start, context.loc.end);
    const name = raw.match(/^env\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])/i);
    const entry = envFor(step, name?.[1] ?? name?.[2] ?? env[1]!);
    const input = entry?.value.expressions.flatMap((e) => e.flows).find((c) => INPUT.test(c.path));
    if (input) return { context, input: input.path, via: `env.${entry!.name}` };
  }
  return undefined;
}

export default defineRule({
  id: 'gha/no-input-injection-in-composite-run',
  domain: ghaDomain,
  meta: {
    title: 'Action input expanded into a composite run script',
    description:
      "A composite action (`runs.using: composite`) pastes `${{ inputs.* }}` (or an `env:` value set from one) into a step's `run:` script instead of reading it from an environment variable.",
    rationale:
      "The action cannot know what its callers pass: a workflow that forwards a pull request title, a branch name or a comment as an input turns that text into shell code inside the action, with the caller's token and secrets. Medium and medium confidence, below direct event injection: it needs a caller that passes untrusted data, which the action does not control.",
    remediation:
      'Map the input to an environment variable of the step and quote it in the shell: `env: TITLE: ${{ inputs.title }}` then `echo "$TITLE"`. Validate inputs that must have a shape (a version, a path) before using them.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    fixable: true,
    aliases: ['zizmor:template-injection'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
      'https://docs.zizmor.sh/audits/#template-injection',
    ],
    examples: {
      invalid: [
        {
          filename: 'action.yml',
          code: `name: Comment
inputs:
  message:
    required: true
runs:
  using: composite
  steps:
    - run: echo "\${{ inputs.message }}" >> summary.md
      shell: bash
`,
          errors: [{ line: 8, column: 18, endLine: 8, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'action.yml',
          code: `name: Comment
inputs:
  message:
    required: true
runs:
  using: composite
  steps:
    - env:
        MESSAGE: \${{ inputs.message }}
      run: echo "$MESSAGE" >> summary.md
      shell: bash
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'action' || unit.using !== 'composite') return;
    for (const step of allSteps(unit)) {
      if (!step.run) continue;
      // Expressions that also carry event data are reported by gha/no-template-injection-in-run.
      const found = step.run.expressions.flatMap((expression) => {
        if (taints(expression, step).length > 0) return [];
        const flow = inputFlow(expression, step);
        return flow ? [{ expression, flow }] : [];
      });
      const fix =
        found.length > 0
          ? envFix(
              step,
              found.map((f) => f.expression),
            )
          : undefined;
      found.forEach(({ expression, flow }, i) => {
        const how = flow.via ? `\`${flow.via}\`, set from \`${flow.input}\`,` : `\`${flow.input}\``;
        ctx.report({
          at: expression.loc,
          message: `${how} is expanded into this composite \`run:\` script; a caller that passes untrusted text (a PR title, a branch name) lets it run commands.`,
          resource: resourceOf(step),
          container: step,
          evidence: expression.body,
          ...(i === 0 && fix
            ? { fix: { ...fix, description: 'Pass the input through env: and quote it in the script' } }
            : {}),
        });
      });
    }
  },
});
