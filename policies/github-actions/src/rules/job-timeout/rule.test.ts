import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: ${{ inputs.t }}\n    steps: [{run: x}]\n',
    'on: push\njobs:\n  call:\n    uses: ./.github/workflows/r.yml\n',
  ],
  invalid: [
    {
      name: 'two jobs',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n  b: { runs-on: x, steps: [{run: x}] }\n',
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 4 },
        { line: 6, column: 3, endLine: 6, endColumn: 4 },
      ],
    },
  ],
});

async function audit(text: string, options?: Record<string, unknown>) {
  const result = await runAudit({
    source: new MemoryFileSource({ '.github/workflows/ci.yml': text }),
    languages: [yamlLanguage],
    registry: new RuleRegistry([rule]),
    config: testConfig({ rules: new Map([[rule.id, { enabled: true, options }]]) }),
  });
  return result.findings;
}

function apply(text: string, fix: { startLine: number; endLine: number; replacement: string }): string {
  const lines = text.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

describe('gha/job-timeout fix', () => {
  it('adds timeout-minutes after runs-on, idempotently', async () => {
    const text =
      'on: push\njobs:\n  test:\n    name: Test\n    runs-on:\n      - ubuntu-latest\n    steps:\n      - run: make\n';
    const fixed = apply(text, (await audit(text, { fixMinutes: 20 }))[0]!.fix!);
    expect(fixed).toBe(
      'on: push\njobs:\n  test:\n    name: Test\n    runs-on:\n      - ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - run: make\n',
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('offers no fix for a flow-style job', async () => {
    expect(
      (await audit('on: push\njobs:\n  b: { runs-on: x, steps: [{run: x}] }\n'))[0]?.fix,
    ).toBeUndefined();
  });
});
