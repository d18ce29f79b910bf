import { describe, expect, it } from 'vitest';
import { defineRule } from '../model/rule.js';
import { coreRules } from '../rules/index.js';
import { testConfig } from '../testing/config.js';
import { lineDomain, lineLanguage } from '../testing/line-language.js';
import { runAudit } from './audit.js';
import { MemoryFileSource } from './file-source.js';
import { RuleRegistry } from './registry.js';
import { AUDIT_STAGES, type AuditStage } from './stage-timer.js';

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const domain = lineDomain('dockerfile', 'txt');
/** A rule that spends a measurable moment on each line, so the check stage cannot read 0 ms. */
const slow = defineRule({
  id: 'dockerfile/slow',
  domain,
  meta: {
    title: 'Slow',
    description: 'busy',
    rationale: 'test',
    remediation: 'none',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    examples: { invalid: [], valid: [] },
  },
  check({ file, line }, ctx) {
    const until = performance.now() + 5;
    while (performance.now() < until);
    if (line.text.includes('x')) ctx.report({ at: { file, start: line.start, end: line.end }, message: 'x' });
  },
});

describe('stage timings', () => {
  it('reports each stage once, in pipeline order, without changing the result', async () => {
    const files = { 'a.txt': 'x\ny\n', 'b.txt': 'z\n' };
    const base = {
      languages: [txt],
      registry: new RuleRegistry([slow, ...coreRules]),
      config: testConfig(),
      now: new Date('2026-06-01'),
    };
    const times: [AuditStage, number][] = [];
    const timed = await runAudit({
      ...base,
      source: new MemoryFileSource(files),
      onStageTime: (stage, ms) => times.push([stage, ms]),
    });
    const plain = await runAudit({ ...base, source: new MemoryFileSource(files) });

    const stages = times.map(([s]) => s);
    expect(stages).toEqual(AUDIT_STAGES.filter((s) => stages.includes(s)));
    expect(stages).toEqual(
      expect.arrayContaining(['discover', 'read', 'parse', 'units', 'check', 'suppress']),
    );
    // Three lines at 5 ms each.
    expect(times.find(([s]) => s === 'check')![1]).toBeGreaterThanOrEqual(14);
    for (const [, ms] of times) expect(ms).toBeGreaterThanOrEqual(0);
    const strip = (r: typeof plain) => ({ ...r, summary: { ...r.summary, durationMs: 0 } });
    expect(strip(timed)).toEqual(strip(plain));
    expect(timed.findings).toHaveLength(1);
  });
});
