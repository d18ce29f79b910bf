import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleIndexSource } from '../docs/rule-index.js';
import type { Language } from '../model/language.js';
import type { AnyRule } from '../model/rule.js';
import { CATEGORIES, CONFIDENCES, SEVERITIES } from '../model/severity.js';
import { expectFindings, runRule } from './rule-tester.js';

export const RULE_ID = /^(dockerfile|k8s|terraform|gha|core)\/[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The checks every rule pack inherits: ids match their folders, metadata is complete, the docs
 * examples do what they say (exact spans), and each rule has its own test file.
 */
export function describeRulePack(options: {
  packageDir: string;
  domain: string;
  rules: readonly AnyRule[];
  languages: readonly Language[];
}): void {
  const { packageDir, rules, languages } = options;
  describe(`rule pack ${options.domain}`, () => {
    it('has a generated, up-to-date rule index', () => {
      const index = readFileSync(join(packageDir, 'src', 'rules', 'index.ts'), 'utf8');
      expect(index).toBe(ruleIndexSource(packageDir));
    });
    for (const rule of rules) {
      describe(rule.id, () => {
        it('has an id that matches its domain and folder, and a test file', () => {
          expect(rule.id).toMatch(RULE_ID);
          expect(rule.domain.id).toBe(options.domain);
          const slug = rule.id.slice(rule.id.indexOf('/') + 1);
          expect(rule.id.startsWith(`${options.domain}/`)).toBe(true);
          expect(existsSync(join(packageDir, 'src', 'rules', slug, 'rule.ts'))).toBe(true);
          expect(existsSync(join(packageDir, 'src', 'rules', slug, 'rule.test.ts'))).toBe(true);
        });
        it('has complete metadata', () => {
          const m = rule.meta;
          for (const text of [m.title, m.description, m.rationale, m.remediation])
            expect(text.trim().length).toBeGreaterThan(5);
          expect(SEVERITIES).toContain(m.severity);
          expect(CATEGORIES).toContain(m.category);
          expect(CONFIDENCES).toContain(m.confidence);
          expect(Array.isArray(m.aliases)).toBe(true);
          expect(m.examples.invalid.length).toBeGreaterThan(0);
          expect(m.examples.valid.length).toBeGreaterThan(0);
        });
        m_examples(rule, languages);
      });
    }
  });
}

function m_examples(rule: AnyRule, languages: readonly Language[]): void {
  rule.meta.examples.invalid.forEach((ex, i) => {
    it(`docs example ${i + 1} is reported at the documented spans`, async () => {
      const result = await runRule(rule, languages, { ...ex.files, [ex.filename]: ex.code }, ex.options);
      expectFindings(
        result,
        rule.id,
        ex.errors.map((e) => ({ ...e, file: ex.filename })),
      );
    });
  });
  rule.meta.examples.valid.forEach((ex, i) => {
    it(`docs counter-example ${i + 1} is not reported`, async () => {
      const result = await runRule(rule, languages, { ...ex.files, [ex.filename]: ex.code }, ex.options);
      expect(result.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
      expect(result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal')).toEqual([]);
    });
  });
}
