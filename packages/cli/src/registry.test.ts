import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aliasKey,
  indexedRuleOf,
  loadConfig,
  Project,
  parseErrorRule,
  suppressionWithoutReasonRule,
  unscannableRule,
  unusedSuppressionRule,
} from '@plumbline/core';
import { expectFindings, runRule, testConfig } from '@plumbline/core/testing';
import { describe, expect, it } from 'vitest';
import { expectedDocs } from './docs.js';
import { PRESET_DIR } from './paths.js';
import { allLanguages, createRegistry, loadAllRules, rulesFor } from './registry.js';

const allRules = await loadAllRules();
const docs = await expectedDocs();

const repo = new URL('../../../', import.meta.url).pathname;
const RULE_ID = /^(dockerfile|k8s|terraform|gha|core)\/[a-z0-9]+(-[a-z0-9]+)*$/;

describe('the rule registry', () => {
  it('has well-formed, unique ids', () => {
    const ids = allRules.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(RULE_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps aliases unambiguous: no alias is a rule id, none is shared between packs', () => {
    const ids = new Set(allRules.map((r) => r.id));
    const domainsOf = new Map<string, Set<string>>();
    for (const rule of allRules) {
      for (const alias of rule.meta.aliases) {
        expect(ids.has(alias), `${rule.id}: alias ${alias} is a rule id`).toBe(false);
        const key = aliasKey(alias);
        domainsOf.set(key, new Set([...(domainsOf.get(key) ?? []), rule.domain.id]));
      }
    }
    const shared = [...domainsOf].filter(([, d]) => d.size > 1).map(([a]) => a);
    expect(shared).toEqual([]);
  });

  it('has a docs page for every rule, and every page is up to date (npm run docs)', () => {
    const docsDir = join(repo, 'docs', 'rules');
    const stale: string[] = [];
    for (const [path, text] of docs) {
      const file = join(docsDir, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
    }
    const walk = (dir: string, rel = ''): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name), `${rel}${d.name}/`) : [`${rel}${d.name}`],
      );
    const orphans = walk(docsDir).filter((p) => !docs.has(p));
    expect({ stale, orphans }, 'run `npm run docs` and commit docs/rules').toEqual({
      stale: [],
      orphans: [],
    });
  });

  it('loads every preset against the full registry', async () => {
    const presets = readdirSync(PRESET_DIR).filter((f) => f.endsWith('.yaml'));
    expect(presets).toContain('recommended.yaml');
    for (const preset of presets) {
      const config = loadConfig({
        root: repo,
        presets: [preset.replace(/\.yaml$/, '')],
        presetDirs: [PRESET_DIR],
        registry: await createRegistry(),
      });
      expect(config.sources.length).toBeGreaterThan(0);
    }
  });

  it('turns every opt-in rule on in the strict preset, and none in recommended', async () => {
    const registry = await createRegistry();
    const strict = loadConfig({ root: repo, presets: ['strict'], presetDirs: [PRESET_DIR], registry });
    const recommended = loadConfig({
      root: repo,
      presets: ['recommended'],
      presetDirs: [PRESET_DIR],
      registry,
    });
    const optIn = allRules.filter((r) => r.meta.optIn).map((r) => r.id);
    expect(optIn.filter((id) => !strict.rules.get(id)?.enabled)).toEqual([]);
    expect(optIn.filter((id) => recommended.rules.get(id)?.enabled)).toEqual([]);
    expect(strict.failOn).toBe('medium');
  });

  describe('the engine rules document real behaviour', () => {
    for (const rule of [
      parseErrorRule,
      unscannableRule,
      unusedSuppressionRule,
      suppressionWithoutReasonRule,
    ]) {
      const needs = rule.meta.examples.invalid
        .concat(rule.meta.examples.valid as never[])
        .map((e) => e.filename);
      const available = needs.every((f) => allLanguages.some((l) => l.claims(f)));
      it.runIf(available)(`${rule.id}: examples report the documented spans`, async () => {
        for (const ex of rule.meta.examples.invalid) {
          // Suppression hygiene needs the rules the comments name: run the example with all rules.
          const result = await runRule(rule, allLanguages, { [ex.filename]: ex.code });
          const all =
            rule.id === 'core/parse-error' || rule.id === 'core/unscannable'
              ? result
              : await runAll(ex.filename, ex.code);
          expectFindings(
            all,
            rule.id,
            ex.errors.map((e) => ({ ...e, file: ex.filename })),
          );
        }
        for (const ex of rule.meta.examples.valid) {
          const all = await runAll(ex.filename, ex.code);
          expect(all.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
        }
      });
    }
  });
});

async function runAll(filename: string, code: string) {
  const { runAudit, MemoryFileSource, RuleRegistry } = await import('@plumbline/core');
  return runAudit({
    source: new MemoryFileSource({ [filename]: code }),
    languages: allLanguages,
    registry: new RuleRegistry(allRules),
    config: testConfig(),
  });
}

describe('packs a scan does not need', async () => {
  const indexedOnly = await rulesFor([]);

  it('stand as their generated index, which says exactly what the real rules say (rebuild the pack)', () => {
    expect(indexedOnly.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const [i, rule] of allRules.entries()) {
      expect(indexedRuleOf(indexedOnly[i]!), rule.id).toEqual(indexedRuleOf(rule));
    }
  });

  it('are imported for the languages they check, and only those', async () => {
    const forDockerfile = await rulesFor(['dockerfile']);
    const real = new Map(allRules.map((r) => [r.id, r]));
    const loaded = forDockerfile.filter((r) => r === real.get(r.id)).map((r) => r.id.split('/')[0]);
    expect([...new Set(loaded)]).toEqual(['core', 'dockerfile']);
    const forYaml = await rulesFor(['yaml']);
    const loadedYaml = forYaml.filter((r) => r === real.get(r.id)).map((r) => r.id.split('/')[0]);
    expect([...new Set(loadedYaml)]).toEqual(['core', 'k8s', 'gha']);
    const forHcl = await rulesFor(['hcl']);
    const loadedHcl = forHcl.filter((r) => r === real.get(r.id)).map((r) => r.id.split('/')[0]);
    expect([...new Set(loadedHcl)]).toEqual(['core', 'terraform']);
  });

  it('have no units to check, and a rule of theirs that were checked would fail loudly', () => {
    const rule = indexedOnly.find((r) => r.id === 'terraform/s3-bucket-public-acl')!;
    expect([...rule.domain.units(new Project([]))]).toEqual([]);
    expect(rule.domain.prepare).toBeUndefined();
    expect(() => rule.check({}, { options: {}, project: new Project([]), report: () => {} })).toThrow(
      /terraform\/s3-bucket-public-acl was not loaded/,
    );
  });
});
