import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

const wf = (on: string, steps: string) => `on: ${on}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${steps}`;

const anchored = `on:
  pull_request_target:
    types: [opened, edited]
permissions:
  pull-requests: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - &summary
        name: Summarise
        run: |
          echo "## \${{ github.event.pull_request.title }}" >> "$GITHUB_STEP_SUMMARY"
  label:
    runs-on: ubuntu-latest
    steps:
      - *summary
      - <<: *summary
        name: Summarise the branch
        run: echo "\${{ github.head_ref }}"
`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened anchor: every alias of it is quiet',
      code: anchored
        .replace('echo "## ${{ github.event.pull_request.title }}"', 'echo "## $TITLE"')
        .replace(
          '        run: |',
          '        env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: |',
        )
        .replace('run: echo "${{ github.head_ref }}"', 'run: echo "$GITHUB_HEAD_REF"'),
    },
    {
      name: 'same-repository pull requests only',
      code: 'on: pull_request_target\njobs:\n  a:\n    if: github.event.pull_request.head.repo.full_name == github.repository\n    runs-on: x\n    steps:\n      - run: echo "${{ github.head_ref }}"\n',
    },
    // Hardened: the value goes through env and is quoted.
    wf(
      'pull_request_target',
      '      - env:\n          REF: ${{ github.head_ref }}\n        run: echo "$REF"\n',
    ),
    // Trusted contexts.
    wf(
      'push',
      '      - run: echo ${{ github.sha }} ${{ github.ref_name }} ${{ secrets.X }} ${{ matrix.os }}\n',
    ),
    // The untrusted value is only compared: the expansion is a boolean.
    wf('issues', "      - run: echo ${{ contains(github.event.issue.title, 'bug') }}\n"),
    wf('issues', "      - run: echo ${{ github.event.issue.title == 'x' && 'yes' || 'no' }}\n"),
    // Untrusted text in with:/if: is not a script.
    wf(
      'issues',
      '      - uses: some/action@v1\n        with:\n          title: ${{ github.event.issue.title }}\n',
    ),
    // env from a trusted source.
    'on: push\nenv:\n  V: ${{ github.sha }}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ env.V }}\n',
    // A step output not fed by untrusted input.
    wf(
      'pull_request',
      '      - id: v\n        run: echo "v=1" >> "$GITHUB_OUTPUT"\n      - run: echo ${{ steps.v.outputs.v }}\n',
    ),
    {
      name: 'composite action with trusted input',
      filename: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ github.sha }}\n      shell: bash\n',
    },
  ],
  invalid: [
    {
      name: 'a step reused through a YAML anchor: reported at the anchor, once per job that runs it',
      code: anchored,
      errors: [
        { line: 13, column: 20, endLine: 13, endColumn: 58, message: '`github.event.pull_request.title`' },
        { line: 13, column: 20, endLine: 13, endColumn: 58, message: '`github.event.pull_request.title`' },
        { line: 20, column: 20, endLine: 20, endColumn: 42, message: '`github.head_ref`' },
      ],
    },
    {
      name: 'issue title in a literal block',
      code: wf('issues', '      - run: |\n          echo "${{ github.event.issue.title }}"\n'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 48, message: '`github.event.issue.title`' }],
    },
    {
      name: 'branch name in a folded block, plain scalar and bracket syntax',
      code: wf(
        'pull_request',
        "      - run: >\n          git checkout\n          ${{ github['head_ref'] }}\n      - run: echo ${{ github.event.pull_request.head.ref }}\n",
      ),
      errors: [
        { line: 8, column: 11, endLine: 8, endColumn: 36 },
        { line: 9, column: 19, endLine: 9, endColumn: 60 },
      ],
    },
    {
      name: 'passed through toJSON / format / ||',
      code: wf(
        'issue_comment',
        "      - run: |\n          echo '${{ toJSON(github.event.comment.body) }}'\n          echo ${{ format('x{0}', github.event.issue.body) }} ${{ github.event.issue.body || 'none' }}\n",
      ),
      errors: [
        { line: 7, column: 17, endLine: 7, endColumn: 57 },
        { line: 8, column: 16, endLine: 8, endColumn: 62 },
        { line: 8, column: 63, endLine: 8, endColumn: 103 },
      ],
    },
    {
      name: 'through env and a step output',
      code: `on: pull_request_target
env:
  BRANCH: \${{ github.head_ref }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        env:
          T: \${{ github.event.pull_request.title }}
        run: echo "t=$T" >> "$GITHUB_OUTPUT"
      - run: |
          echo \${{ env.BRANCH }}
          echo \${{ steps.meta.outputs.t }}
`,
      errors: [
        {
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 33,
          message: '`env.BRANCH`, which carries `github.head_ref`',
        },
        { line: 14, column: 16, endLine: 14, endColumn: 43, message: 'steps.meta.outputs.t' },
      ],
    },
    {
      name: 'commit messages in a composite action',
      filename: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: echo "${{ github.event.head_commit.message }}"\n      shell: bash\n',
      errors: [{ line: 4, column: 18, endLine: 4, endColumn: 57 }],
    },
    {
      name: 'a typo the parser rejects still reports',
      code: wf('issues', '      - run: echo "${{ github.event.issue.body }"}}"\n'),
      errors: [{ line: 6, column: 20, endLine: 6, endColumn: 52 }],
    },
  ],
});

async function audit(text: string, path = '.github/workflows/ci.yml') {
  const result = await runAudit({
    source: new MemoryFileSource({ [path]: text }),
    languages: [yamlLanguage],
    registry: new RuleRegistry([rule]),
    config: testConfig(),
  });
  return result.findings;
}

function apply(text: string, fix: { startLine: number; endLine: number; replacement: string }): string {
  const lines = text.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

describe('gha/no-template-injection-in-run fix', () => {
  it('moves the expressions into env: and quotes them, once per step, idempotently', async () => {
    const text = wf(
      'pull_request_target',
      '      - name: Greet\n        run: |\n          echo "Title: ${{ github.event.pull_request.title }}"\n          git checkout ${{ github.head_ref }}\n      - run: echo ${{ github.event.pull_request.body }}\n',
    );
    const findings = await audit(text);
    expect(findings.map((f) => [f.startLine, f.fix === undefined])).toEqual([
      [8, false],
      [9, true],
      [10, false],
    ]);
    let fixed = apply(text, findings[2]!.fix!);
    fixed = apply(fixed, findings[0]!.fix!);
    expect(fixed).toBe(
      wf(
        'pull_request_target',
        '      - name: Greet\n        env:\n          PULL_REQUEST_TITLE: ${{ github.event.pull_request.title }}\n          HEAD_REF: ${{ github.head_ref }}\n        run: |\n          echo "Title: ${PULL_REQUEST_TITLE}"\n          git checkout "${HEAD_REF}"\n      - env:\n          PULL_REQUEST_BODY: ${{ github.event.pull_request.body }}\n        run: echo "${PULL_REQUEST_BODY}"\n',
      ),
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('offers no fix inside single quotes, for pwsh, or when the step already has env:', async () => {
    const cases = [
      wf('issues', "      - run: echo '${{ github.event.issue.title }}'\n"),
      wf('issues', '      - shell: pwsh\n        run: echo ${{ github.event.issue.title }}\n'),
      wf('issues', '      - env: { A: b }\n        run: echo ${{ github.event.issue.title }}\n'),
      wf('issues', '      - run: echo ${{ toJSON(github.event.issue.title) }}\n'),
    ];
    for (const c of cases) expect((await audit(c))[0]?.fix).toBeUndefined();
  });
});
