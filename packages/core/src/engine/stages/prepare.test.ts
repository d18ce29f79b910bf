import { describe, expect, it } from 'vitest';
import type { Domain, PrepareIO } from '../../model/domain.js';
import type { Project } from '../../model/project.js';
import { defineRule } from '../../model/rule.js';
import { testConfig } from '../../testing/config.js';
import { lineLanguage } from '../../testing/line-language.js';
import { runAudit } from '../audit.js';
import { MemoryFileSource } from '../file-source.js';
import { RuleRegistry } from '../registry.js';

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });

/** A domain whose one unit per `.txt` file names a side file to read ahead (`read: path`). */
function sideFileDomain(prepare: (project: Project, io: PrepareIO) => Promise<void>): Domain<string> {
  return {
    id: 'terraform',
    languages: ['txt'],
    prepare,
    units: (project) => [project.memo<string>('side', () => 'not prepared')],
  };
}

async function run(domain: Domain<string>, files: Record<string, string>) {
  const rule = defineRule({
    id: 'terraform/side',
    domain,
    meta: {
      title: 'Side',
      description: 'd',
      rationale: 'r',
      remediation: 'r',
      category: 'security',
      severity: 'low',
      confidence: 'high',
      aliases: [],
      examples: { invalid: [], valid: [] },
    },
    check(unit, ctx) {
      const file = ctx.project.files[0]!.file;
      ctx.report({ at: { file, start: 0, end: 1 }, message: unit });
    },
  });
  return runAudit({
    source: new MemoryFileSource(files),
    languages: [txt],
    registry: new RuleRegistry([rule]),
    config: testConfig(),
    now: new Date('2026-06-01'),
  });
}

describe('prepare', () => {
  it('runs before units, reading through the source with a size cap', async () => {
    const domain = sideFileDomain(async (project, io) => {
      const small = await io.readText('policies/small.json', 16);
      const big = await io.readText('policies/big.json', 16);
      const missing = await io.readText('policies/none.json', 16);
      const listing = await io.listFolder('policies');
      project.memo('side', () => `${small}|${big}|${missing}|${listing?.map((e) => e.name).join(',')}`);
    });
    const result = await run(domain, {
      'a.txt': 'x\n',
      'policies/small.json': '{"a":1}',
      'policies/big.json': `{"a":"${'x'.repeat(100)}"}`,
    });
    expect(result.findings.map((f) => f.message)).toEqual([
      '{"a":1}|undefined|undefined|big.json,small.json',
    ]);
  });

  it('records a failed prepare as an error and still builds the units', async () => {
    const domain = sideFileDomain(async (_project, io) => {
      io.error({ kind: 'parse', file: 'x/y.tf', message: 'broken' });
      throw new Error('boom');
    });
    const result = await run(domain, { 'a.txt': 'x\n' });
    expect(result.findings.map((f) => f.message)).toEqual(['not prepared']);
    expect(result.errors.map((e) => `${e.kind} ${e.file ?? ''} ${e.message.split('\n')[0]}`)).toEqual([
      'internal  domain terraform failed to prepare: Error: boom',
      'parse x/y.tf broken',
    ]);
  });
});
