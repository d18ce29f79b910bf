import { expect } from 'vitest';
import { runAudit } from '../engine/audit.js';
import { MemoryFileSource } from '../engine/file-source.js';
import { RuleRegistry } from '../engine/registry.js';
import { applyFixes } from '../fix/apply.js';
import type { RunResult } from '../model/finding.js';
import type { Language } from '../model/language.js';
import type { AnyRule } from '../model/rule.js';
import { testConfig } from './config.js';

export interface FixCase {
  /** The rule whose fix is applied. */
  rule: AnyRule;
  /** Every rule that must not start reporting after the fix (usually the whole pack). */
  rules?: readonly AnyRule[];
  languages: readonly Language[];
  filename: string;
  code: string;
  /** The exact text after the fix, when the test pins it (format preservation). */
  output?: string;
  /** Apply every fix of the rule in the file (passes until none is left), not only the first. */
  all?: boolean;
}

async function scan(c: FixCase, text: string): Promise<RunResult> {
  const rules = [c.rule, ...(c.rules ?? []).filter((r) => r.id !== c.rule.id)];
  return runAudit({
    source: new MemoryFileSource({ [c.filename]: text }),
    languages: c.languages,
    registry: new RuleRegistry(rules),
    config: testConfig({ rules: new Map(rules.map((r) => [r.id, { enabled: true }])) }),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

function counts(result: RunResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of result.findings) out.set(f.ruleId, (out.get(f.ruleId) ?? 0) + 1);
  return out;
}

/**
 * Applies the rule's fix and scans again, through the real parser and engine: the finding is gone,
 * no rule reports more than before, and the file still parses. Returns the fixed text.
 */
export async function expectFixWorks(c: FixCase): Promise<string> {
  const before = await scan(c, c.code);
  const fixable = before.findings.filter((f) => f.ruleId === c.rule.id && f.fix);
  expect(fixable.length, `${c.rule.id} offers no fix on:\n${c.code}`).toBeGreaterThan(0);
  let text = c.code;
  let result = before;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = result.findings.filter((f) => f.ruleId === c.rule.id && f.fix).map((f) => f.fix!);
    if (fixes.length === 0) break;
    text = applyFixes(text, c.all ? fixes : [fixes[0]!]).text;
    result = await scan(c, text);
    if (!c.all) break;
  }
  if (c.output !== undefined) expect(text).toBe(c.output);
  const after = result;
  expect(after.errors.filter((e) => e.kind === 'parse')).toEqual([]);
  expect(after.findings.filter((f) => f.ruleId === 'core/parse-error')).toEqual([]);
  const was = counts(before);
  const now = counts(after);
  expect(now.get(c.rule.id) ?? 0, `${c.rule.id} still reports after its fix:\n${text}`).toBeLessThan(
    was.get(c.rule.id) ?? 0,
  );
  if (c.all) expect(after.findings.filter((f) => f.ruleId === c.rule.id && f.fix)).toEqual([]);
  const grown = [...now].filter(([id, n]) => n > (was.get(id) ?? 0));
  expect(grown, `the fix made other rules report:\n${text}`).toEqual([]);
  return text;
}
