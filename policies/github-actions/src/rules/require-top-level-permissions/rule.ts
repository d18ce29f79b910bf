import { defineRule, type LineFix } from '@plumbline/core';
import { ghaDomain, type Workflow } from '@plumbline/lang-yaml';

/** Actions known to need nothing but read access to the repository (so `contents: read` cannot break them). */
const READ_ONLY = /^actions\/(checkout|setup-[\w-]+|cache|upload-artifact|download-artifact)$/;
const TOKEN_USE = /GITHUB_TOKEN|github\.token|\bgh\s|\bgit\s+push\b|GH_TOKEN/i;

/** `permissions: contents: read` is a safe default when no step can be using the token for more. */
function fixable(wf: Workflow): boolean {
  for (const job of wf.jobs) {
    if (job.uses) return false;
    for (const step of job.steps) {
      if (step.uses && !(step.uses.kind === 'repository' && READ_ONLY.test(step.uses.action))) return false;
      const texts = [
        step.run?.text,
        ...step.env.map((e) => e.value.text),
        ...step.with.map((e) => e.value.text),
      ];
      if (texts.some((t) => t !== undefined && TOKEN_USE.test(t))) return false;
    }
  }
  return true;
}

function fixOf(wf: Workflow): LineFix | undefined {
  const jobs = wf.doc.keyAt(['jobs']);
  if (!jobs || !fixable(wf)) return undefined;
  const line = jobs.file.position(jobs.start).line;
  const text = jobs.file.lineText(line);
  const indent = text.match(/^\s*/)![0];
  return {
    description: 'Add a read-only top-level `permissions:` block',
    loc: { file: jobs.file, start: jobs.start, end: jobs.start },
    replacement: `${indent}permissions:\n${indent}  contents: read\n\n${text}`,
  };
}

export default defineRule({
  id: 'gha/require-top-level-permissions',
  domain: ghaDomain,
  meta: {
    title: 'No top-level permissions',
    description:
      "The workflow sets no top-level `permissions:` and some of its jobs set none either, so they get the repository's default token permissions, which are read-write on many repositories and organisations.",
    rationale:
      'Without an explicit block, the token scope depends on a repository setting that nobody reviews with the workflow, and on older repositories it is write to contents, packages, pull requests and more. Stating `contents: read` at the top makes least privilege the default and every extra scope visible in review. Medium: it widens the damage of any other weakness.',
    remediation:
      'Add `permissions: { contents: read }` at the top of the workflow and grant extra scopes (`packages: write`, `id-token: write`) on the jobs that need them.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    fixable: true,
    aliases: [
      'scorecard:Token-Permissions',
      'poutine:default_permissions_on_risky_events',
      'zizmor:excessive-permissions',
    ],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 3 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || unit.permissions) return;
    const open = unit.jobs.filter((j) => !j.permissions);
    if (open.length === 0) return;
    const fix = fixOf(unit);
    const names = open.map((j) => `\`${j.id}\``).join(', ');
    const who =
      open.length === unit.jobs.length
        ? 'every job runs'
        : open.length === 1
          ? `job ${names} runs`
          : `jobs ${names} run`;
    ctx.report({
      at: unit.on?.keyLoc ?? unit.doc.nearest(['on']),
      message: `No top-level \`permissions:\`; ${who} with the repository's default token permissions.`,
      evidence: 'permissions',
      ...(fix ? { fix } : {}),
    });
  },
});
