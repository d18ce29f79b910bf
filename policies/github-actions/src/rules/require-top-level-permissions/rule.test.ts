import { type FindingFix, MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    permissions: { contents: read }\n    steps: [{run: x}]\n',
    { filename: 'action.yml', code: 'runs:\n  using: composite\n  steps: []\n' },
  ],
  invalid: [
    {
      name: 'one job of two without permissions',
      code: 'name: CI\non:\n  push:\njobs:\n  a:\n    runs-on: x\n    permissions: { contents: read }\n    steps: [{run: x}]\n  b:\n    runs-on: x\n    steps: [{run: x}]\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 3, message: 'job `b` runs' }],
    },
  ],
});

function applyFix(text: string, fix: FindingFix): string {
  const lines = text.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

async function audit(text: string) {
  const result = await runAudit({
    source: new MemoryFileSource({ '.github/workflows/ci.yml': text }),
    languages: [yamlLanguage],
    registry: new RuleRegistry([rule]),
    config: testConfig(),
  });
  return result.findings;
}

describe('gha/require-top-level-permissions fix', () => {
  it('inserts contents: read before jobs:, and applying it again changes nothing', async () => {
    const text =
      'on: push\n\n# the jobs\njobs:\n  test:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n';
    const [finding] = await audit(text);
    expect(finding?.fix).toMatchObject({ startLine: 4, endLine: 4 });
    const fixed = applyFix(text, finding!.fix!);
    expect(fixed).toBe(
      'on: push\n\n# the jobs\npermissions:\n  contents: read\n\njobs:\n  test:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n',
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('offers no fix when a step may need a write token', async () => {
    const [finding] = await audit(
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh release create v1\n',
    );
    expect(finding?.fix).toBeUndefined();
  });
});
