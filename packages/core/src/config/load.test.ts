import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleRegistry } from '../engine/registry.js';
import { defineRule } from '../model/rule.js';
import { coreDomain } from '../rules/core-domain.js';
import { ConfigError } from './config.js';
import { configIgnores, findConfigFile, loadConfig } from './load.js';

const meta = {
  title: 't',
  description: 'd',
  rationale: 'r',
  remediation: 'x',
  category: 'security' as const,
  severity: 'high' as const,
  confidence: 'high' as const,
  examples: { invalid: [], valid: [] },
};
const pinned = defineRule<never, { allowed: string[] }>({
  id: 'dockerfile/allowed-registries',
  domain: coreDomain,
  meta: {
    ...meta,
    aliases: ['DL3026'],
    optIn: true,
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { allowed: { type: 'array', items: { type: 'string' } } },
      },
      defaults: { allowed: [] },
    },
  },
  check() {},
});
const root = defineRule({
  id: 'dockerfile/no-root-user',
  domain: coreDomain,
  meta: { ...meta, aliases: ['DL3002', 'DS-0002'] },
  check() {},
});
const registry = new RuleRegistry([pinned, root]);

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const load = (dir: string, extra: Partial<Parameters<typeof loadConfig>[0]> = {}) =>
  loadConfig({ root: dir, presetDirs: [join(dir, 'presets')], registry, ...extra });

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the recommended preset when there is no config file', () => {
    const dir = workspace({ 'presets/recommended.yaml': 'rules:\n  DL3002: medium\n' });
    expect(load(dir).rules.get('dockerfile/no-root-user')).toEqual({ enabled: true, severity: 'medium' });
  });

  it('resolves aliases, severities, off, options and extends in order', () => {
    const dir = workspace({
      'presets/recommended.yaml': 'rules:\n  dockerfile/no-root-user: low\n',
      'presets/base.yaml': 'extends: recommended\nignore: [vendor/**]\n',
      '.plumbline.yaml':
        'extends: [base]\nfailOn: medium\nrules:\n  DS-0002: off\n  DL3026:\n    severity: critical\n    options: { allowed: [ghcr.io] }\nexceptions:\n  - rule: DL3002\n    paths: [legacy/**]\n    reason: migrating\n    expires: 2027-01-01\n',
    });
    const config = load(dir);
    expect(config.failOn).toBe('medium');
    expect(config.ignore).toEqual(['vendor/**']);
    expect(config.rules.get('dockerfile/no-root-user')).toEqual({ enabled: false, severity: 'low' });
    expect(config.rules.get('dockerfile/allowed-registries')).toEqual({
      enabled: true,
      severity: 'critical',
      options: { allowed: ['ghcr.io'] },
    });
    expect(config.exceptions[0]).toMatchObject({
      ruleId: 'dockerfile/no-root-user',
      reason: 'migrating',
      expires: '2027-01-01',
    });
  });

  it('names the offending key path on a schema error', () => {
    const dir = workspace({ '.plumbline.yaml': 'rules:\n  DL3002: loud\n' });
    expect(errorOf(() => load(dir))).toBe(
      `${join(dir, '.plumbline.yaml')}: rules.DL3002: must be one of off, on, critical, high, medium, low, info`,
    );
    const unknownKey = workspace({ '.plumbline.yaml': 'ignores: [x]\n' });
    expect(errorOf(() => load(unknownKey))).toMatch(/ignores: unknown key/);
    const nested = workspace({
      '.plumbline.yaml': 'exceptions:\n  - rule: DL3002\n    reason: ok\n    expires: someday\n',
    });
    expect(errorOf(() => load(nested))).toMatch(/exceptions\[0\]\.expires: must match format "date"/);
    const missing = workspace({ '.plumbline.yaml': 'exceptions:\n  - rule: DL3002\n' });
    expect(errorOf(() => load(missing))).toMatch(/exceptions\[0\]: must have required property 'reason'/);
  });

  it('rejects unknown rules, bad options, unknown presets and broken YAML', () => {
    expect(errorOf(() => load(workspace({ '.plumbline.yaml': 'rules:\n  nope/x: off\n' })))).toMatch(
      /rules\.nope\/x: unknown rule/,
    );
    expect(
      errorOf(() =>
        load(workspace({ '.plumbline.yaml': 'rules:\n  DL3026: { options: { allowed: 3 } }\n' })),
      ),
    ).toMatch(/rules\.DL3026\.options\.allowed: must be array/);
    expect(
      errorOf(() => load(workspace({ '.plumbline.yaml': 'rules:\n  DL3002: { options: { x: 1 } }\n' }))),
    ).toMatch(/takes no options/);
    expect(errorOf(() => load(workspace({ '.plumbline.yaml': 'extends: [nope]\n' })))).toMatch(
      /unknown preset "nope"/,
    );
    expect(errorOf(() => load(workspace({ '.plumbline.yaml': 'rules: [\n' })))).toMatch(/not valid YAML/);
    expect(errorOf(() => load(workspace({}), { configPath: '/nonexistent/p.yaml' }))).toMatch(
      /config file not found/,
    );
  });

  it('reads the ignore globs of every layer without knowing the rules, in the order they apply', () => {
    const dir = workspace({
      'presets/recommended.yaml': 'ignore: [from-recommended/**]\n',
      'presets/base.yaml': 'ignore: [vendor/**]\nrules:\n  made/up: off\n',
      'presets/team.yaml': 'ignore: [legacy]\n',
      '.plumbline.yaml': 'extends: [base]\nignore: [k8s/admission/**]\n',
    });
    const presetDirs = [join(dir, 'presets')];
    // `made/up` names no rule: only a full load, which resolves the rules, refuses it.
    expect(configIgnores({ root: dir, presetDirs })).toEqual(['vendor/**', 'k8s/admission/**']);
    expect(configIgnores({ root: dir, presetDirs, presets: ['team'] })).toEqual([
      'legacy',
      'vendor/**',
      'k8s/admission/**',
    ]);
    expect(
      configIgnores({
        root: workspace({ 'presets/recommended.yaml': 'ignore: [x]\n' }),
        presetDirs: [join(dir, 'presets')],
      }),
    ).toEqual(['from-recommended/**']);
    expect(errorOf(() => load(dir))).toMatch(/rules\.made\/up: unknown rule/);
    expect(
      errorOf(() => configIgnores({ root: workspace({ '.plumbline.yaml': 'extends: nope\n' }), presetDirs })),
    ).toMatch(/unknown preset "nope"/);
  });

  it('accepts settings for rules the scanned files define but this scan does not hold', () => {
    const scanDefined = new RuleRegistry([pinned, root], ['vap/']);
    const dir = workspace({
      '.plumbline.yaml':
        'rules:\n  vap/replica-limits: off\nexceptions:\n  - rule: vap/replica-limits\n    paths: [k8s/legacy/**]\n    reason: sized before the limit\n',
    });
    const config = load(dir, { registry: scanDefined });
    expect(config.rules.has('vap/replica-limits')).toBe(false);
    expect(config.exceptions).toEqual([]);
    // Anything else unknown is still a mistake, with or without such prefixes; so is the bare prefix.
    for (const id of ['vap/', 'vapx/replica-limits', 'nope/x'])
      expect(
        errorOf(() =>
          load(workspace({ '.plumbline.yaml': `rules:\n  ${id}: off\n` }), { registry: scanDefined }),
        ),
      ).toMatch(/unknown rule/);
    expect(errorOf(() => load(dir))).toMatch(/rules\.vap\/replica-limits: unknown rule/);
  });

  it('detects extends cycles', () => {
    const dir = workspace({
      'presets/a.yaml': 'extends: b\n',
      'presets/b.yaml': 'extends: a\n',
      '.plumbline.yaml': 'extends: a\n',
    });
    expect(errorOf(() => load(dir))).toMatch(/cycle/);
  });

  it('finds the config upward to the repository root, and refuses one that links out of it', () => {
    const repo = mkdtempSync(join(tmpdir(), 'plumbline-cfg-up-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'k8s', 'apps'), { recursive: true });
    writeFileSync(join(repo, '.plumbline.yaml'), 'failOn: low\n');
    expect(findConfigFile(join(repo, 'k8s', 'apps'))).toBe(join(repo, '.plumbline.yaml'));
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-cfg-out-'));
    writeFileSync(join(outside, 'env'), 'failOn: none\n');
    symlinkSync(join(outside, 'env'), join(repo, 'k8s', '.plumbline.yaml'));
    expect(() => findConfigFile(join(repo, 'k8s', 'apps'))).toThrow(/outside the repository; not read/);
    // Outside a repository only the folder itself is looked at.
    expect(findConfigFile(outside)).toBeUndefined();
  });
});

describe('the config validator compiled at build time', () => {
  it('is what the schema gives today (npm run build regenerates it)', () => {
    const script = new URL('../../scripts/gen-config-validator.mjs', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
