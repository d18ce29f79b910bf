import { defineRule } from '@plumbline/core';
import { allSteps, ghaDomain, ghaUnits, localCallTarget, type Workflow } from '@plumbline/lang-yaml';
import { codeInputs } from '../../lib/code-inputs.js';
import { directSource, taints, workflowInputFlow } from '../../lib/taint.js';
import { resourceOf } from '../../lib/util.js';
import { envFix } from '../no-template-injection-in-run/fix.js';

/** What a caller passes for one input: fixed or trusted text, untrusted text, or its own input forwarded. */
type Passed = { kind: 'safe' } | { kind: 'unsafe' } | { kind: 'forward'; input: string; from: Workflow };

/** The `with:` of every job of this repository calling `workflow` (`uses: ./.github/workflows/x.yml`). */
function localCalls(workflow: Workflow, units: readonly unknown[]): Map<string, Passed>[] {
  const own = workflow.file.path.replace(/\\/g, '/');
  const calls: Map<string, Passed>[] = [];
  for (const unit of units as Workflow[]) {
    if (unit.kind !== 'workflow') continue;
    for (const job of unit.jobs) {
      // `./.github/workflows/x.yml` is relative to the caller's repository, not any repository of the scan.
      if (!job.uses || localCallTarget(unit.path.replace(/\\/g, '/'), job.uses) !== own) continue;
      const values = new Map<string, Passed>();
      for (const w of job.with) {
        const flows = w.value.expressions.flatMap((e) => e.flows);
        const forwarded = flows.find((c) => /^inputs\.[^.]+$/.test(c.path));
        const passed: Passed = directSource(w.value)
          ? { kind: 'unsafe' }
          : forwarded && flows.length === 1
            ? { kind: 'forward', input: forwarded.path.slice('inputs.'.length), from: unit }
            : flows.some((c) => c.path.includes('inputs.'))
              ? { kind: 'unsafe' }
              : { kind: 'safe' };
        values.set(w.name.toLowerCase(), passed);
      }
      calls.push(values);
    }
  }
  return calls;
}

/**
 * Does every caller in this repository fill `input` of `workflow` with fixed or trusted text
 * (following inputs forwarded from caller to caller)? False when nothing here calls it.
 */
function settledHere(workflow: Workflow, input: string, units: readonly unknown[], depth = 0): boolean {
  if (depth > 8) return false;
  const calls = localCalls(workflow, units);
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const passed = call.get(input) ?? { kind: 'safe' };
      if (passed.kind === 'forward') return settledHere(passed.from, passed.input, units, depth + 1);
      return passed.kind === 'safe';
    })
  );
}

export default defineRule({
  id: 'gha/no-workflow-input-injection',
  domain: ghaDomain,
  meta: {
    title: 'Workflow input expanded into a script',
    description:
      "A free-text input of the workflow (`inputs.*` of a `string` input of `workflow_call` or `workflow_dispatch`, `github.event.inputs.*`, or an `env:` value set from one) is pasted into a `run:` script or an action's code input instead of being read from an environment variable.",
    rationale:
      "A reusable workflow cannot know what its callers pass: a caller that forwards a pull request title or a branch name turns it into shell code here, with the caller's token and secrets; medium, medium confidence (it needs such a caller). A `workflow_dispatch` input is typed by someone with write access, who could change the workflow anyway, but a quote in a release note or a tag name still breaks the script, and a dispatch can reach secrets of protected environments the user could not read otherwise: low. `choice`, `boolean`, `number` and `environment` inputs are validated by GitHub and not reported; expressions that also carry event data are left to `no-template-injection-in-run` / `-in-script`.",
    remediation:
      'Map the input to an environment variable of the step and quote it: `env: VERSION: ${{ inputs.version }}` then `echo "$VERSION"`; use a `choice` input where the values are known, and validate shapes (a version, a path) first.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    fixable: true,
    aliases: ['zizmor:template-injection'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: `on:
  workflow_call:
    inputs:
      ref:
        type: string
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: git checkout \${{ inputs.ref }}
`,
          errors: [{ line: 11, column: 27, endLine: 11, endColumn: 44 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: `on:
  workflow_call:
    inputs:
      ref:
        type: string
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - env:
          REF: \${{ inputs.ref }}
        run: git checkout "$REF"
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const units = ghaUnits(ctx.project);
    for (const step of allSteps(unit)) {
      const code = codeInputs(step);
      const sinks = [
        ...(step.run ? [{ value: step.run, where: 'this `run:` script' }] : []),
        ...step.with
          .filter((w) => code.includes(w.name.toLowerCase()))
          .map((w) => ({ value: w.value, where: `the \`${w.name}\` code of \`${step.uses?.raw}\`` })),
      ];
      for (const sink of sinks) {
        const found = sink.value.expressions.flatMap((expression) => {
          if (taints(expression, step).length > 0) return [];
          const flow = workflowInputFlow(expression, step);
          if (
            !flow ||
            (flow.origin === 'workflow_call' && settledHere(unit, flow.input.replace(/^inputs\./, ''), units))
          )
            return [];
          return [{ expression, flow }];
        });
        const fix =
          sink.value === step.run && found.length > 0
            ? envFix(
                step,
                found.map((f) => f.expression),
              )
            : undefined;
        found.forEach(({ expression, flow }, i) => {
          const how = flow.via ? `\`${flow.via}\`, set from \`${flow.input}\`,` : `\`${flow.input}\``;
          const who =
            flow.origin === 'workflow_call'
              ? 'any workflow that calls this one decides its text'
              : 'whoever dispatches the workflow types its text';
          ctx.report({
            at: expression.loc,
            message: `${how} is expanded into ${sink.where}; ${who}.`,
            resource: resourceOf(step),
            container: step,
            evidence: expression.body,
            ...(flow.origin === 'workflow_dispatch'
              ? { severity: 'low' as const, confidence: 'low' as const }
              : {}),
            ...(i === 0 && fix
              ? { fix: { ...fix, description: 'Pass the input through env: and quote it in the script' } }
              : {}),
          });
        });
      }
    }
  },
});
