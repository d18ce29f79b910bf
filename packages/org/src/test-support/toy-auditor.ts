/**
 * A real engine run (core's runAudit: suppressions, fingerprints) with core's toy line language,
 * so the organisation scanner is tested without the policy packs: in a `.conf` file, every line
 * saying `open-port` is a finding (high), `plumbline:ignore` comments apply.
 */
import { defineRule, RuleRegistry, type RunResult, runAudit } from '@plumbline/core';
import { type LineUnit, lineDomain, lineLanguage, testConfig } from '@plumbline/core/testing';
import type { AuditRequest } from '../scan.js';

const language = lineLanguage({
  id: 'conf',
  extension: '.conf',
  syntaxError: '<<<',
  message: 'conflict marker',
});
const domain = lineDomain('dockerfile', 'conf');

const openPort = defineRule<LineUnit>({
  id: 'dockerfile/toy-open-port',
  domain,
  meta: {
    title: 'Port open to the world',
    description: 'A toy rule for tests.',
    rationale: 'Tests.',
    remediation: 'Close it.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    fixable: false,
    examples: { invalid: [], valid: [] },
  },
  check(unit, ctx) {
    const at = unit.line.text.indexOf('open-port');
    if (at < 0) return;
    const start = unit.line.start + at;
    ctx.report({
      at: { file: unit.file, start, end: start + 'open-port'.length },
      message: `open-port: ${unit.line.text.trim()}`,
    });
  },
});

export const toyKeep = (path: string) => path.endsWith('.conf') || path === '.plumbline.yaml';

export async function auditRepository(request: AuditRequest): Promise<RunResult> {
  return runAudit({
    source: request.source,
    languages: [language],
    registry: new RuleRegistry([openPort]),
    config: testConfig(),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}
