import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

const action = (steps: string) => `name: A
inputs:
  title:
    required: true
runs:
  using: composite
  steps:
${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: the input goes through env and is quoted',
      filename: 'action.yml',
      code: action(
        '    - env:\n        TITLE: ${{ inputs.title }}\n      run: echo "$TITLE"\n      shell: bash\n',
      ),
    },
    {
      name: 'the input is only compared: the expansion is a boolean',
      filename: 'action.yml',
      code: action("    - run: echo ${{ inputs.title == 'x' }}\n      shell: bash\n"),
    },
    {
      name: 'input in with: of a uses step and in if:',
      filename: 'action.yml',
      code: action(
        "    - if: ${{ inputs.title != '' }}\n      uses: actions/github-script@v7\n      with:\n        title: ${{ inputs.title }}\n",
      ),
    },
    {
      name: 'event data is the run-injection rule, not this one',
      filename: 'action.yml',
      code: action('    - run: echo ${{ github.event.issue.title || inputs.title }}\n      shell: bash\n'),
    },
    {
      name: 'a JavaScript action',
      filename: 'action.yml',
      code: 'inputs:\n  a: {}\nruns:\n  using: node20\n  main: index.js\n',
    },
    {
      name: 'a workflow: inputs of workflow_dispatch are not this rule',
      code: 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ inputs.title }}\n',
    },
  ],
  invalid: [
    {
      name: 'input in a literal block, with the hyphenated and bracket syntax',
      filename: 'action.yml',
      code: action(
        "    - run: |\n        cd ${{ inputs.working-directory }}\n        echo ${{ inputs['title'] }}\n      shell: bash\n",
      ),
      errors: [
        { line: 9, column: 12, endLine: 9, endColumn: 43, message: '`inputs.working-directory`' },
        { line: 10, column: 14, endLine: 10, endColumn: 36, message: '`inputs.title`' },
      ],
    },
    {
      name: 'through format() and an env: entry set from the input',
      filename: '.github/actions/notify/action.yaml',
      code: action(
        "    - env:\n        T: ${{ inputs.title }}\n      run: echo ${{ format('{0}!', env.T) }}\n      shell: bash\n",
      ),
      errors: [
        { line: 10, column: 17, endLine: 10, endColumn: 45, message: '`env.T`, set from `inputs.title`' },
      ],
    },
  ],
});

async function audit(text: string, path = 'action.yml') {
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

describe('gha/no-input-injection-in-composite-run fix', () => {
  it('moves the inputs into env: and quotes them, idempotently', async () => {
    const text = action(
      '    - name: Say\n      run: |\n        echo "Title: ${{ inputs.title }}"\n      shell: bash\n',
    );
    const findings = await audit(text);
    expect(findings.map((f) => [f.startLine, f.severity, f.fix === undefined])).toEqual([
      [10, 'medium', false],
    ]);
    const fixed = apply(text, findings[0]!.fix!);
    expect(fixed).toBe(
      action(
        '    - name: Say\n      env:\n        INPUTS_TITLE: ${{ inputs.title }}\n      run: |\n        echo "Title: ${INPUTS_TITLE}"\n      shell: bash\n',
      ),
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('offers no fix for pwsh or when the step already has env:', async () => {
    const cases = [
      action('    - run: echo ${{ inputs.title }}\n      shell: pwsh\n'),
      action('    - env: { A: b }\n      run: echo ${{ inputs.title }}\n      shell: bash\n'),
    ];
    for (const c of cases) {
      const findings = await audit(c);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.fix).toBeUndefined();
    }
  });
});
