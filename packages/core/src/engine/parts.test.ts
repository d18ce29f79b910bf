import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../config/config.js';
import { defineRule, type RuleMeta } from '../model/rule.js';
import { coreRules } from '../rules/index.js';
import { testConfig } from '../testing/config.js';
import { lineDomain, lineLanguage } from '../testing/line-language.js';
import { runAudit } from './audit.js';
import { MemoryFileSource } from './file-source.js';
import { RuleRegistry } from './registry.js';

/**
 * A toy pack: lines are "containers", `bare` lacks both settings, which two concept rules stand
 * for; one combined rule reports them together (one finding per cause).
 */
const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const domain = lineDomain('k8s', 'txt');
const meta = (over: Partial<RuleMeta>): RuleMeta => ({
  title: 't',
  description: 'd',
  rationale: 'r',
  remediation: 'fix it',
  category: 'security',
  severity: 'low',
  confidence: 'high',
  aliases: [],
  examples: { invalid: [], valid: [] },
  ...over,
});
const seccomp = defineRule({
  id: 'k8s/seccomp',
  domain,
  meta: meta({ severity: 'low', aliases: ['CKV_K8S_31'] }),
  check() {},
});
const escalation = defineRule({
  id: 'k8s/escalation',
  domain,
  meta: meta({ severity: 'medium', aliases: ['CKV_K8S_20'] }),
  check() {},
});
const combined = defineRule({
  id: 'k8s/hardening',
  domain,
  meta: meta({ severity: 'medium' }),
  check({ file, line }, ctx) {
    if (!line.text.includes('bare')) return;
    const message = (labels: readonly string[]) => `Container lacks ${labels.join(' and ')}.`;
    const items = [
      { ruleId: seccomp.id, label: 'seccomp', severity: seccomp.meta.severity },
      { ruleId: escalation.id, label: 'no-escalation', severity: escalation.meta.severity },
    ];
    // The fix adds one word per setting still asked for.
    const fix = (ids: readonly string[]) => ({
      description: 'harden',
      loc: { file, start: line.start, end: line.start },
      replacement: `${line.text} +${ids.map((id) => id.slice('k8s/'.length)).join(' +')}`,
    });
    ctx.report({
      at: { file, start: line.start, end: line.start + 4 },
      message: message(items.map((i) => i.label)),
      evidence: 'bare',
      fix: fix(items.map((i) => i.ruleId)),
      parts: { items, message, fix },
    });
  },
});
const registry = new RuleRegistry([seccomp, escalation, combined, ...coreRules]);
const audit = (text: string, over: Partial<ResolvedConfig> = {}) =>
  runAudit({
    source: new MemoryFileSource({ 'pod.txt': text }),
    languages: [txt],
    registry,
    config: testConfig(over),
    now: new Date('2026-06-01'),
  });
const shown = (result: Awaited<ReturnType<typeof audit>>) =>
  result.findings
    .filter((f) => f.ruleId === 'k8s/hardening')
    .map((f) => ({ message: f.message, severity: f.severity, aliases: f.aliases, suppressed: f.suppressed }));

describe('combined findings (Report.parts)', () => {
  it('report every part once, at the worst part severity, with every part rule alias', async () => {
    expect(shown(await audit('bare\n'))).toEqual([
      {
        message: 'Container lacks seccomp and no-escalation.',
        severity: 'medium',
        aliases: ['CKV_K8S_31', 'CKV_K8S_20'],
        suppressed: undefined,
      },
    ]);
  });

  it('lose a part whose rule is turned off, and its severity and aliases with it', async () => {
    const result = await audit('bare\n', { rules: new Map([['k8s/escalation', { enabled: false }]]) });
    expect(shown(result)).toEqual([
      {
        message: 'Container lacks seccomp.',
        severity: 'low',
        aliases: ['CKV_K8S_31'],
        suppressed: undefined,
      },
    ]);
  });

  it('disappear when every part rule is off', async () => {
    const off = { enabled: false };
    const result = await audit('bare\n', {
      rules: new Map([
        ['k8s/escalation', off],
        ['k8s/seccomp', off],
      ]),
    });
    expect(result.findings).toEqual([]);
  });

  it('follow a part rule configured severity', async () => {
    const result = await audit('bare\n', {
      rules: new Map([['k8s/seccomp', { enabled: true, severity: 'high' }]]),
    });
    expect(shown(result)[0]!.severity).toBe('high');
  });

  it('narrow when an ignore comment names one part by peer alias, and count the comment as used', async () => {
    const result = await audit('bare # plumbline:ignore CKV_K8S_20 -- runs as a static binary\n');
    expect(shown(result)).toEqual([
      {
        message: 'Container lacks seccomp.',
        severity: 'low',
        aliases: ['CKV_K8S_31'],
        suppressed: undefined,
      },
    ]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['k8s/hardening']);
  });

  it('are suppressed when every part is named, or when the combined rule is', async () => {
    const byParts = await audit('bare # plumbline:ignore k8s/seccomp, CKV_K8S_20 -- lab pod\n');
    expect(shown(byParts)).toMatchObject([{ suppressed: { kind: 'inline', reason: 'lab pod' } }]);
    const byRule = await audit('bare # plumbline:ignore k8s/hardening -- lab pod\n');
    expect(shown(byRule)).toMatchObject([
      { message: 'Container lacks seccomp and no-escalation.', suppressed: { kind: 'inline' } },
    ]);
  });

  it('offer a fix for the parts that remain only', async () => {
    const fixOf = (result: Awaited<ReturnType<typeof audit>>) =>
      result.findings.find((f) => f.ruleId === 'k8s/hardening')?.fix?.replacement;
    expect(fixOf(await audit('bare\n'))).toBe('bare +seccomp +escalation');
    const off = await audit('bare\n', { rules: new Map([['k8s/escalation', { enabled: false }]]) });
    expect(fixOf(off)).toBe('bare +seccomp');
    const ignored = await audit('bare # plumbline:ignore CKV_K8S_31 -- profile set by the node\n');
    // (The toy language's line text stops before the comment.)
    expect(fixOf(ignored)).toBe('bare  +escalation');
  });

  it('narrow by a config exception for a part rule', async () => {
    const result = await audit('bare\n', {
      exceptions: [
        { rule: 'CKV_K8S_31', ruleId: 'k8s/seccomp', paths: ['*.txt'], reason: 'legacy', source: 'x' },
      ],
    });
    expect(shown(result)).toMatchObject([
      { message: 'Container lacks no-escalation.', suppressed: undefined },
    ]);
  });
});
