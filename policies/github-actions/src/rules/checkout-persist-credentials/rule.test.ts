import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { RuleTester, testConfig } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule from './rule.js';

const upload = '      - uses: actions/upload-artifact@v3\n        with:\n          path: ./\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n      - uses: actions/upload-pages-artifact@v3\n        with:\n          path: .\n',
    `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: dist/\n`,
    `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with: { persist-credentials: false }\n${upload}`,
  ],
  invalid: [
    {
      name: 'with block present',
      code: `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n${upload}`,
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 34 }],
    },
  ],
});

async function audit(text: string) {
  const result = await runAudit({
    source: new MemoryFileSource({ '.github/workflows/ci.yml': text }),
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

describe('gha/checkout-persist-credentials fix', () => {
  it('adds persist-credentials under an existing with:, idempotently', async () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n${upload}`;
    const fixed = apply(text, (await audit(text))[0]!.fix!);
    expect(fixed).toContain(
      '        with:\n          persist-credentials: false\n          fetch-depth: 0\n',
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('adds a with: block when there is none', async () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: Checkout\n        uses: actions/checkout@v4\n${upload}`;
    const fixed = apply(text, (await audit(text))[0]!.fix!);
    expect(fixed).toContain(
      '        uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n',
    );
    expect(await audit(fixed)).toEqual([]);
  });
  it('offers no fix when a later step pushes with git', async () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: git push\n${upload}`;
    expect((await audit(text))[0]?.fix).toBeUndefined();
  });
});
