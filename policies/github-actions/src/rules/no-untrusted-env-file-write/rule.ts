import { defineRule } from '@plumbline/core';
import { allSteps, envFor, ghaDomain, type Step } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { directSource } from '../../lib/taint.js';
import { resourceOf, usesAction } from '../../lib/util.js';

const WRITE =
  /(>>?\s*|tee\s+(?:-a\s+)?|Out-File\s+[^\n]*?|Add-Content\s+(?:-Path\s+)?)["']?\$\{?(?:env:)?(GITHUB_ENV|GITHUB_PATH)\}?["']?/i;
const DOWNLOADS = ['actions/download-artifact', 'dawidd6/action-download-artifact'];

/** Does an earlier step of the job bring in files made by the untrusted run (artifacts, the PR head)? */
function untrustedFilesBefore(step: Step): string | undefined {
  const earlier = step.job ? step.job.steps.filter((s) => s.index < step.index) : [];
  for (const s of earlier) {
    if (usesAction(s.uses, ...DOWNLOADS)) return 'a downloaded artifact';
    if (usesAction(s.uses, 'actions/checkout')) {
      const ref = s.with.find((w) => w.name === 'ref')?.value;
      if (ref?.expressions.some((e) => e.contexts.some((c) => /head|pull_request|workflow_run/.test(c.path))))
        return 'the checked-out pull request';
    }
  }
  return undefined;
}

export default defineRule({
  id: 'gha/no-untrusted-env-file-write',
  domain: ghaDomain,
  meta: {
    title: 'Untrusted data written to GITHUB_ENV or GITHUB_PATH',
    description:
      'A `run:` step appends outsider-controlled text (an `env:` value taken from the event, or the content of files produced by an untrusted run) to `$GITHUB_ENV` or `$GITHUB_PATH`.',
    rationale:
      'Every later step starts with those variables and that PATH. A value with a newline can define `NODE_OPTIONS=--require=/tmp/x.js`, `LD_PRELOAD` or `BASH_ENV`, or put an attacker directory first on PATH: code execution in the privileged job even though the script itself was quoted correctly. High; confidence medium because the written value may be validated first.',
    remediation:
      'Do not export untrusted values to later steps. Validate them (e.g. a number: `[[ "$PR" =~ ^[0-9]+$ ]]`) and pass them as step outputs or `env:` of the step that needs them.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['zizmor:github-env'],
    references: ['https://securitylab.github.com/resources/github-actions-new-patterns-and-mitigations/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/greet.yml',
          code: `on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "TITLE=$TITLE" >> "$GITHUB_ENV"
`,
          errors: [{ line: 8, column: 34, endLine: 8, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/greet.yml',
          code: `on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "The title is $TITLE"
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    const privileged =
      unit.kind === 'workflow' && unit.triggers.some((t) => t.trust === 'untrusted-privileged');
    for (const step of allSteps(unit)) {
      for (const hit of findInScript(step.run, WRITE)) {
        const line = hit.line.text;
        let why: string | undefined;
        for (const v of line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
          const source = directSource(envFor(step, v[1]!)?.value);
          if (source) {
            why = `\`$${v[1]}\` (from \`${source}\`)`;
            break;
          }
        }
        if (!why && privileged && /\$\(|`|\bcat\b|<|\bjq\b/.test(line)) {
          const files = untrustedFilesBefore(step);
          if (files) why = `content from ${files}`;
        }
        if (!why) continue;
        ctx.report({
          at: hit.loc,
          message: `${why} is written to \`$${hit.match[2]!.toUpperCase()}\`, so it can set variables or PATH entries for every later step.`,
          resource: resourceOf(step),
          // Comments cannot go inside a block scalar: an ignore comment anywhere in the step applies.
          container: step,
          evidence: line.trim(),
        });
      }
    }
  },
});
