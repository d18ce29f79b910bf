import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../model/rule.js';
import { coreRules } from '../../rules/index.js';
import { testConfig } from '../../testing/config.js';
import { lineDomain, lineLanguage } from '../../testing/line-language.js';
import { runAudit } from '../audit.js';
import { DiskFileSource } from '../file-source.js';
import { RuleRegistry } from '../registry.js';
import { runPipeline } from '../stages/pipeline.js';

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const domain = { ...lineDomain('dockerfile', 'txt'), fileLocal: true };
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
    aliases: [],
    examples: { invalid: [], valid: [] },
  },
  check({ file, line }, ctx) {
    const i = line.text.indexOf('foo');
    if (i >= 0)
      ctx.report({ at: { file, start: line.start + i, end: line.start + i + 3 }, message: 'foo found' });
  },
});

/** A folder of independent files (one shard each), and a worker setup module that kills its thread. */
function scanFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
  for (let i = 0; i < 6; i++)
    writeFileSync(join(dir, `f${i}.txt`), `ok\n  foo ${i}\n! broken\n`.repeat(i + 1));
  const setup = join(mkdtempSync(join(tmpdir(), 'plumbline-pool-setup-')), 'setup.mjs');
  writeFileSync(setup, 'export function createAuditSetup() { process.exit(3); }\n');
  return { dir, setup: pathToFileURL(setup).href };
}

const options = {
  languages: [txt],
  registry: new RuleRegistry([noFoo, ...coreRules]),
  config: testConfig(),
  now: new Date('2026-06-01'),
};

describe('pooled audit', () => {
  it('says so when a worker dies setting itself up; the other threads check its share', async () => {
    const { dir, setup } = scanFolder();
    const single = await runAudit({ ...options, source: new DiskFileSource(dir, 'x') });
    const pooled = await runAudit({
      ...options,
      source: new DiskFileSource(dir, 'x'),
      threads: 2,
      workerSetup: { module: setup, data: {} },
    });
    expect(single.summary.files).toBe(6);
    expect(pooled.findings).toEqual(single.findings);
    expect(pooled.summary).toEqual({ ...single.summary, durationMs: pooled.summary.durationMs });
    const notices = pooled.errors.filter((e) => e.kind === 'internal');
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]!.message).toMatch(
      /^worker thread exited \(code 3\); the other threads checked its share$/,
    );
    expect(pooled.errors.filter((e) => e.kind !== 'internal')).toEqual(single.errors);
  });

  it('checks again on the main thread the shards a worker claimed and died on: no file is lost', async () => {
    // Six files of 70 KB: six shards. The main thread's parse is slow, so the worker claims some.
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
    for (let i = 0; i < 6; i++)
      writeFileSync(join(dir, `f${i}.txt`), `ok\n  foo ${i}\n${'x'.repeat(70_000)}\n`);
    const setup = join(mkdtempSync(join(tmpdir(), 'plumbline-pool-setup-')), 'setup.mjs');
    const core = new URL('../../../dist/index.js', import.meta.url).href;
    writeFileSync(
      setup,
      [
        `import { RuleRegistry } from ${JSON.stringify(core)};`,
        'export function createAuditSetup() {',
        '  const dies = { id: "txt", claims: (p) => p.endsWith(".txt"), parse() { process.exit(3); } };',
        '  const config = { sources: [], rules: new Map(), ignore: [], exceptions: [], maxFileSize: 1e7 };',
        '  return { languages: [dies], registry: new RuleRegistry([]), config };',
        '}',
      ].join('\n'),
    );
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const slow = {
      ...txt,
      parse: (file: Parameters<typeof txt.parse>[0]) => {
        if (isMainThread) Atomics.wait(pause, 0, 0, 500);
        return txt.parse(file);
      },
    };
    const single = await runAudit({ ...options, source: new DiskFileSource(dir, 'x') });
    const pooled = await runAudit({
      ...options,
      languages: [slow],
      source: new DiskFileSource(dir, 'x'),
      threads: 2,
      workerSetup: { module: pathToFileURL(setup).href, data: {} },
    });
    expect(single.findings.length).toBe(6);
    expect(pooled.findings).toEqual(single.findings);
    expect(pooled.summary).toEqual({ ...single.summary, durationMs: pooled.summary.durationMs });
    expect(pooled.errors.filter((e) => e.kind === 'internal').map((e) => e.message)).toEqual([
      'worker thread exited (code 3); its 1 files were scanned on the main thread',
    ]);
  });

  it('checks a large scan on one thread shard after shard, with the findings of one pass', async () => {
    // 24 files of 200 KB (4.8 MB): over the 4 MB from which one thread goes shard by shard.
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
    for (let i = 0; i < 24; i++)
      writeFileSync(
        join(dir, `f${String(i).padStart(2, '0')}.txt`),
        `${'ok\n'.repeat(i)}  foo ${i}\n${i % 5 === 0 ? '! broken\n' : ''}${'x'.repeat(200_000)}\n`,
      );
    const debug: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.env.PLUMBLINE_POOL_DEBUG = '1';
    process.stderr.write = ((chunk: string) => debug.push(String(chunk)) > 0) as typeof process.stderr.write;
    let sharded: Awaited<ReturnType<typeof runAudit>>;
    try {
      sharded = await runAudit({ ...options, source: new DiskFileSource(dir, 'x'), threads: 1 });
    } finally {
      process.stderr.write = write;
      delete process.env.PLUMBLINE_POOL_DEBUG;
    }
    const whole = await runPipeline({ ...options, source: new DiskFileSource(dir, 'x') });
    expect(debug.join('')).toMatch(/^plumbline pool: 0 workers, main thread 0 files, 8 other shards/m);
    expect(debug.filter((line) => / done by the main thread /.test(line))).toHaveLength(8);
    expect(whole.findings.length).toBe(24);
    expect(whole.errors.map((e) => e.kind)).toEqual(Array(5).fill('parse'));
    expect(sharded.findings).toEqual(whole.findings);
    expect(sharded.errors).toEqual(whole.errors);
    expect(sharded.summary).toEqual({ ...whole.summary, durationMs: sharded.summary.durationMs });
  });
});
