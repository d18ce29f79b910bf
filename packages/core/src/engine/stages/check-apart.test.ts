import { describe, expect, it } from 'vitest';
import type { Domain } from '../../model/domain.js';
import { defineRule } from '../../model/rule.js';
import { coreRules } from '../../rules/index.js';
import { testConfig } from '../../testing/config.js';
import { type LineUnit, lineDomain, lineLanguage } from '../../testing/line-language.js';
import { runAudit } from '../audit.js';
import { MemoryFileSource } from '../file-source.js';
import { RuleRegistry } from '../registry.js';

// File-local domains are checked as each file is parsed (its model then dropped); a language that
// a cross-file domain also reads stays in the project. Both must give the findings of one check.
const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const meta = {
  title: 'Seen files',
  description: 'says how many files the project held when the unit was checked',
  rationale: 'test',
  remediation: 'none',
  category: 'security',
  severity: 'low',
  confidence: 'high',
  aliases: [],
  examples: { invalid: [], valid: [] },
} as const;

/** Reports each line holding `foo` with the number of files its rule could see. */
const seenFilesRule = (id: string, domain: Domain<LineUnit>) =>
  defineRule({
    id,
    domain,
    meta,
    check({ file, line }, ctx) {
      const i = line.text.indexOf('foo');
      if (i >= 0)
        ctx.report({
          at: { file, start: line.start + i, end: line.start + i + 3 },
          message: `project of ${ctx.project.files.length}`,
        });
    },
  });

const files = {
  'a.txt': 'foo\n',
  'b.txt': 'x\nfoo # plumbline:ignore dockerfile/seen -- accepted\n',
  'c.txt': '# plumbline:ignore dockerfile/seen -- nothing to ignore here\nbar\n',
  'd.txt': 'foo !\n',
};

const audit = (rules: ReturnType<typeof seenFilesRule>[]) =>
  runAudit({
    source: new MemoryFileSource(files),
    languages: [txt],
    registry: new RuleRegistry([...rules, ...coreRules]),
    config: testConfig(),
    now: new Date('2026-06-01'),
  });

const summary = (
  findings: { ruleId: string; file: string; startLine: number; message: string; suppressed?: unknown }[],
) => findings.map((f) => [f.ruleId, f.file, f.startLine, f.message, f.suppressed ? 'suppressed' : 'open']);

describe('checking file-local domains as files are parsed', () => {
  it('checks each file of a file-local language alone, and still applies its ignore comments', async () => {
    const local = { ...lineDomain('dockerfile', 'txt'), fileLocal: true };
    const result = await audit([seenFilesRule('dockerfile/seen', local)]);
    expect(summary(result.findings)).toEqual([
      ['dockerfile/seen', 'a.txt', 1, 'project of 1', 'open'],
      ['dockerfile/seen', 'b.txt', 2, 'project of 1', 'suppressed'],
      ['core/unused-suppression', 'c.txt', 1, expect.stringContaining('dockerfile/seen'), 'open'],
      ['core/parse-error', 'd.txt', 1, 'Could not parse this file: unexpected !', 'open'],
    ]);
  });

  it('keeps a language whole when a cross-file domain reads it too', async () => {
    const local = { ...lineDomain('dockerfile', 'txt'), fileLocal: true };
    const whole = lineDomain('k8s', 'txt');
    const result = await audit([seenFilesRule('dockerfile/seen', local), seenFilesRule('k8s/seen', whole)]);
    expect(summary(result.findings.filter((f) => f.ruleId.endsWith('/seen')))).toEqual([
      ['dockerfile/seen', 'a.txt', 1, 'project of 3', 'open'],
      ['k8s/seen', 'a.txt', 1, 'project of 3', 'open'],
      ['dockerfile/seen', 'b.txt', 2, 'project of 3', 'suppressed'],
      ['k8s/seen', 'b.txt', 2, 'project of 3', 'open'],
    ]);
  });

  it('keeps a file-local domain whole when it needs the project after the check', async () => {
    const withSuppressions = { ...lineDomain('dockerfile', 'txt'), fileLocal: true, suppressions: () => [] };
    const result = await audit([seenFilesRule('dockerfile/seen', withSuppressions)]);
    expect(summary(result.findings.filter((f) => f.ruleId === 'dockerfile/seen'))).toEqual([
      ['dockerfile/seen', 'a.txt', 1, 'project of 3', 'open'],
      ['dockerfile/seen', 'b.txt', 2, 'project of 3', 'suppressed'],
    ]);
  });
});
