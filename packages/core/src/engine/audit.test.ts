import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../config/config.js';
import { defineRule } from '../model/rule.js';
import { coreRules } from '../rules/index.js';
import { testConfig } from '../testing/config.js';
import { lineDomain, lineLanguage } from '../testing/line-language.js';
import { runAudit } from './audit.js';
import { MemoryFileSource } from './file-source.js';
import { RuleRegistry } from './registry.js';

/** `.txt` files, one unit per line; `#` starts a comment; `!` is a syntax error. */
const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const domain = lineDomain('dockerfile', 'txt');
const noFoo = defineRule({
  id: 'dockerfile/no-foo',
  domain,
  meta: {
    title: 'No foo',
    description: 'foo is bad',
    rationale: 'because',
    remediation: 'remove foo',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['DL9999'],
    examples: { invalid: [], valid: [] },
  },
  check({ file, line }, ctx) {
    const i = line.text.indexOf('foo');
    if (i >= 0)
      ctx.report({
        at: { file, start: line.start + i, end: line.start + i + 3 },
        message: 'foo found',
        evidence: 'foo',
      });
  },
});
const registry = new RuleRegistry([noFoo, ...coreRules]);
const audit = (files: Record<string, string | Buffer>, over: Partial<ResolvedConfig> = {}) =>
  runAudit({
    source: new MemoryFileSource(files),
    languages: [txt],
    registry,
    config: testConfig(over),
    now: new Date('2026-06-01'),
  });

describe('runAudit', () => {
  it('resolves spans to 1-based lines and columns and sorts findings', async () => {
    const result = await audit({ 'b.txt': 'x\n  foo\n', 'a.txt': 'foo' });
    expect(result.findings.map((f) => [f.file, f.startLine, f.startColumn, f.endLine, f.endColumn])).toEqual([
      ['a.txt', 1, 1, 1, 4],
      ['b.txt', 2, 3, 2, 6],
    ]);
    expect(result.summary).toMatchObject({ files: 2, findings: 2, bySeverity: { high: 2 } });
  });

  it('keeps fingerprints when lines are inserted above a finding', async () => {
    const before = await audit({ 'a.txt': 'foo\n' });
    const after = await audit({ 'a.txt': 'one\ntwo\n\nfoo\n' });
    expect(after.findings[0]!.startLine).toBe(4);
    expect(after.findings[0]!.fingerprint).toBe(before.findings[0]!.fingerprint);
  });

  it('gives identical findings in one file distinct fingerprints', async () => {
    const result = await audit({ 'a.txt': 'foo\nfoo\n' });
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('reports parse errors, binary and oversized files, and scans the rest', async () => {
    const result = await audit(
      {
        'bad.txt': 'a\n b !\n',
        'bin.txt': Buffer.from([0x66, 0, 0x6f]),
        'big.txt': 'foo'.repeat(100),
        'ok.txt': 'foo',
      },
      { maxFileSize: 50 },
    );
    expect(result.errors.map((e) => [e.file, e.kind])).toEqual([
      ['bad.txt', 'parse'],
      ['big.txt', 'too-large'],
      ['bin.txt', 'binary'],
    ]);
    expect(result.findings.map((f) => [f.file, f.ruleId, f.startLine, f.startColumn])).toEqual([
      ['bad.txt', 'core/parse-error', 2, 4],
      ['ok.txt', 'dockerfile/no-foo', 1, 1],
    ]);
  });

  it('honours inline suppressions by id or alias, on the line or the line above', async () => {
    const result = await audit({
      'a.txt':
        'foo # plumbline:ignore dockerfile/no-foo -- accepted\n# plumbline:ignore DL9999 -- legacy\nfoo\nfoo\n',
    });
    expect(result.findings.map((f) => [f.startLine, f.suppressed?.kind, f.suppressed?.reason])).toEqual([
      [1, 'inline', 'accepted'],
      [3, 'inline', 'legacy'],
      [4, undefined, undefined],
    ]);
    expect(result.summary.findings).toBe(1);
    expect(result.summary.suppressed).toBe(2);
  });

  it('reports a suppression without a reason, and one that matches nothing', async () => {
    const result = await audit({
      'a.txt':
        '# plumbline:ignore dockerfile/no-foo\nfoo\nbar # plumbline:ignore dockerfile/no-foo -- nothing here\n# plumbline:ignore nope -- x\nz\n',
    });
    const hygiene = result.findings.filter((f) => f.ruleId.startsWith('core/'));
    expect(hygiene.map((f) => [f.ruleId, f.startLine, f.startColumn])).toEqual([
      ['core/suppression-without-reason', 1, 1],
      ['core/unused-suppression', 3, 5],
      ['core/unused-suppression', 4, 1],
    ]);
    expect(hygiene[2]!.message).toContain('unknown rule `nope`');
    expect(result.findings.find((f) => f.startLine === 2)?.suppressed?.kind).toBe('inline');
  });

  it('applies config exceptions until they expire, and says when one has', async () => {
    const live = await audit(
      { 'a.txt': 'foo', 'b.txt': 'foo' },
      {
        exceptions: [
          {
            rule: 'DL9999',
            ruleId: 'dockerfile/no-foo',
            paths: ['a.txt'],
            reason: 'tracked in JIRA-1',
            source: 'c',
          },
        ],
      },
    );
    expect(live.findings.map((f) => f.suppressed?.kind)).toEqual(['exception', undefined]);
    const expired = await audit(
      { 'a.txt': 'foo' },
      {
        exceptions: [
          { rule: 'DL9999', ruleId: 'dockerfile/no-foo', reason: 'old', expires: '2026-05-31', source: 'c' },
        ],
      },
    );
    expect(expired.findings[0]!.suppressed).toBeUndefined();
    expect(expired.errors[0]).toMatchObject({ kind: 'expired-exception' });
    expect(expired.errors[0]!.message).toContain('expired on 2026-05-31');
  });

  it('marks baseline findings as suppressed and reports only new ones', async () => {
    const first = await audit({ 'a.txt': 'foo' });
    const baseline = {
      version: 1 as const,
      generatedAt: '',
      findings: first.findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file })),
    };
    const second = await runAudit({
      source: new MemoryFileSource({ 'a.txt': 'x\nfoo', 'c.txt': 'foo' }),
      languages: [txt],
      registry,
      config: testConfig(),
      baseline,
    });
    expect(second.findings.map((f) => [f.file, f.suppressed?.kind])).toEqual([
      ['a.txt', 'baseline'],
      ['c.txt', undefined],
    ]);
  });

  it('applies severity overrides and turns rules off', async () => {
    const low = await audit(
      { 'a.txt': 'foo' },
      { rules: new Map([['dockerfile/no-foo', { enabled: true, severity: 'low' }]]) },
    );
    expect(low.findings[0]!.severity).toBe('low');
    const off = await audit(
      { 'a.txt': 'foo' },
      { rules: new Map([['dockerfile/no-foo', { enabled: false }]]) },
    );
    expect(off.findings).toEqual([]);
  });

  it('honours ignore globs', async () => {
    const result = await audit(
      { 'vendor/a.txt': 'foo', 'src/b.txt': 'foo', 'x.txt': 'foo' },
      { ignore: ['vendor/', 'x.txt'] },
    );
    expect(result.findings.map((f) => f.file)).toEqual(['src/b.txt']);
  });

  it('turns a parser crash and a rule crash into core/unscannable findings with plain reasons', async () => {
    const crashing = {
      ...txt,
      id: 'crash',
      claims: (p: string) => p.endsWith('.deep'),
      parse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const boom = defineRule({
      ...noFoo,
      id: 'dockerfile/boom',
      check: () => {
        throw new TypeError('x is undefined');
      },
    });
    const result = await runAudit({
      source: new MemoryFileSource({ 'a.deep': '[[[[', 'b.txt': 'ok\n' }),
      languages: [crashing, txt],
      registry: new RuleRegistry([boom, ...coreRules]),
      config: testConfig(),
    });
    const unscannable = result.findings.filter((f) => f.ruleId === 'core/unscannable');
    expect(unscannable.map((f) => [f.file, f.severity])).toEqual([
      ['a.deep', 'high'],
      ['b.txt', 'high'],
    ]);
    expect(unscannable[0]!.message).toMatch(/^Not fully scanned: nesting too deep for the parser/);
    expect(unscannable[1]!.message).toMatch(
      /rule dockerfile\/boom could not finish on this file \(x is undefined\)/,
    );
    expect(result.summary.files).toBe(2);
  });

  it('decodes UTF-16 with a byte-order mark and calls other NUL bytes binary', async () => {
    const wide = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('foo\n', 'utf16le').swap16()]);
    const result = await audit({ 'a.txt': wide, 'b.txt': Buffer.from([0x66, 0, 0x6f]) });
    expect(result.findings.map((f) => [f.file, f.ruleId])).toEqual([['a.txt', 'dockerfile/no-foo']]);
    expect(result.errors.map((e) => [e.file, e.kind])).toEqual([['b.txt', 'binary']]);
  });

  it('takes a finding severity and confidence from its report, unless the rule severity is configured', async () => {
    const calibrated = defineRule({
      ...noFoo,
      id: 'dockerfile/calibrated',
      check({ file, line }, ctx) {
        if (line.text.includes('ro'))
          ctx.report({
            at: { file, start: line.start, end: line.start + 2 },
            message: 'read-only',
            severity: 'medium',
            confidence: 'low',
          });
      },
    });
    const run = (over: Partial<ResolvedConfig> = {}) =>
      runAudit({
        source: new MemoryFileSource({ 'a.txt': 'ro\n' }),
        languages: [txt],
        registry: new RuleRegistry([calibrated]),
        config: testConfig(over),
        now: new Date('2026-06-01'),
      });
    expect((await run()).findings.map((f) => [f.severity, f.confidence])).toEqual([['medium', 'low']]);
    const configured = await run({
      rules: new Map([['dockerfile/calibrated', { enabled: true, severity: 'high' }]]),
    });
    expect(configured.findings.map((f) => f.severity)).toEqual(['high']);
  });
});
