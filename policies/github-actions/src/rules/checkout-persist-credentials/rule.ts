import { defineRule, type LineFix } from '@plumbline/core';
import { ghaDomain, type Step } from '@plumbline/lang-yaml';
import { resourceOf, usesAction } from '../../lib/util.js';

const WORKSPACE_ROOT = /^(\.|\.\/|\.\/\*\*?|\*\*?|\$\{\{\s*github\.workspace\s*\}\}\/?)$/;
const GIT_WRITE = /\bgit\s+(push|commit|tag|fetch|pull)\b|\bgh\s/;

/** Does this upload-artifact step include hidden files (`.git`)? v1-v3 and v4.0-v4.3 did; later ones only when asked. */
function includesHiddenFiles(step: Step): boolean {
  if (step.with.find((w) => w.name === 'include-hidden-files')?.value.text === 'true') return true;
  const ref = step.uses?.ref ?? '';
  return /^v[123](\.|$)/.test(ref) || /^v4\.[0-3](\.|$)/.test(ref);
}

/** Adds `persist-credentials: false` under the checkout's `with:` (or a new `with:`), block style only. */
function fixOf(step: Step): LineFix | undefined {
  const file = step.keyLoc.file;
  const withKey = step.job?.workflow.doc.keyAt([...step.route, 'with']);
  if (withKey) {
    const first = step.with[0];
    const line = file.position(withKey.start).line;
    if (!first || file.position(first.value.keyLoc.start).line === line) return undefined;
    const indent = ' '.repeat(file.position(first.value.keyLoc.start).column - 1);
    return {
      description: 'Stop actions/checkout from storing the token in .git/config',
      loc: withKey,
      replacement: `${file.lineText(line)}\n${indent}persist-credentials: false`,
    };
  }
  const uses = step.job?.workflow.doc.keyAt([...step.route, 'uses']);
  if (!uses) return undefined;
  const line = file.position(uses.start).line;
  const indent = ' '.repeat(file.position(uses.start).column - 1);
  return {
    description: 'Stop actions/checkout from storing the token in .git/config',
    loc: uses,
    replacement: `${file.lineText(line)}\n${indent}with:\n${indent}  persist-credentials: false`,
  };
}

export default defineRule({
  id: 'gha/checkout-persist-credentials',
  domain: ghaDomain,
  meta: {
    title: 'Checkout credentials left in an uploaded workspace',
    description:
      '`actions/checkout` keeps the job token in `.git/config` (the default `persist-credentials: true`) and a later step of the same job uploads the workspace root as an artifact, `.git` included.',
    rationale:
      'Anyone who can download the artifact (everyone, on a public repository) gets a token valid until the job ends, and long-running jobs give plenty of time; the token can push to the repository when the job has `contents: write`. Medium.',
    remediation:
      'Set `persist-credentials: false` on the checkout (and use an explicit token for the one step that pushes), and upload only the build output directory.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    fixable: true,
    aliases: ['zizmor:artipacked'],
    references: ['https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n          include-hidden-files: true\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: make\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n          include-hidden-files: true\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      for (const step of job.steps) {
        if (!usesAction(step.uses, 'actions/checkout')) continue;
        const persist = step.with.find((w) => w.name === 'persist-credentials')?.value.text;
        if (persist === 'false') continue;
        const later = job.steps.filter((s) => s.index > step.index);
        const upload = later.find((s) => {
          // upload-pages-artifact always leaves out .git; upload-artifact does since v4.4 unless asked not to.
          if (!usesAction(s.uses, 'actions/upload-artifact') || !includesHiddenFiles(s)) return false;
          const path = s.with.find((w) => w.name === 'path')?.value.text ?? '';
          return path.split('\n').some((p) => WORKSPACE_ROOT.test(p.trim()));
        });
        if (!upload) continue;
        const writes = later.some((s) => s.run?.text !== undefined && GIT_WRITE.test(s.run.text));
        const fix = writes ? undefined : fixOf(step);
        ctx.report({
          at: step.uses!.value.loc,
          message: `The checkout stores the job token in \`.git/config\` and a later step uploads the workspace with it.`,
          resource: resourceOf(step),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
