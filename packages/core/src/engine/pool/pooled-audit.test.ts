import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { emptyRenderOutput, type Renderer } from '../../model/renderer.js';
import { coreRules } from '../../rules/index.js';
import { testConfig } from '../../testing/config.js';
import { lineDomain, lineLanguage, wordRule } from '../../testing/line-language.js';
import { type AuditOptions, runAudit } from '../audit.js';
import { DiskFileSource } from '../file-source.js';
import { RuleRegistry } from '../registry.js';
import { bufferOfShared, SharedArena, type SharedBytes } from '../shared-bytes.js';
import { runPipeline } from '../stages/pipeline.js';

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
const domain = { ...lineDomain('dockerfile', 'txt'), fileLocal: true };
const noFoo = wordRule('dockerfile/no-foo', domain, 'foo');

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

/**
 * A `txt` language whose parses on the main thread wait until a worker has claimed a shard and
 * parses it (its setup module's parse runs `SIGNAL_CLAIMED`): on a loaded machine a fixed pause
 * let the main thread take every shard first.
 */
function mainThreadWaitsForWorker() {
  const claimed = new Int32Array(new SharedArrayBuffer(4));
  const language = {
    ...txt,
    parse: (file: Parameters<typeof txt.parse>[0]) => {
      if (isMainThread) Atomics.wait(claimed, 0, 0, 30_000);
      return txt.parse(file);
    },
  };
  return { claimed, language };
}

/** The lines of a worker setup module's parse that let the main thread's parses go on. */
const SIGNAL_CLAIMED = ['    Atomics.store(claimed, 0, 1);', '    Atomics.notify(claimed, 0);'];

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
        'export function createAuditSetup({ claimed }) {',
        '  const dies = { id: "txt", claims: (p) => p.endsWith(".txt"), parse() {',
        ...SIGNAL_CLAIMED,
        '    process.exit(3);',
        '  } };',
        '  const config = { sources: [], rules: new Map(), ignore: [], exceptions: [], maxFileSize: 1e7 };',
        '  return { languages: [dies], registry: new RuleRegistry([]), config };',
        '}',
      ].join('\n'),
    );
    // The worker claims a shard and dies on it.
    const { claimed, language: slow } = mainThreadWaitsForWorker();
    const single = await runAudit({ ...options, source: new DiskFileSource(dir, 'x') });
    const pooled = await runAudit({
      ...options,
      languages: [slow],
      source: new DiskFileSource(dir, 'x'),
      threads: 2,
      workerSetup: { module: pathToFileURL(setup).href, data: { claimed } },
    });
    expect(single.findings.length).toBe(6);
    expect(pooled.findings).toEqual(single.findings);
    expect(pooled.summary).toEqual({ ...single.summary, durationMs: pooled.summary.durationMs });
    expect(pooled.errors.filter((e) => e.kind === 'internal').map((e) => e.message)).toEqual([
      'worker thread exited (code 3); its 1 files were scanned on the main thread',
    ]);
  });

  it("gives a worker the bytes the main thread holds in shared memory, not the file's", async () => {
    // Six files of 70 KB: six shards. On disk each says `ok`; the bytes read before the engine
    // (as the CLI's admission search reads YAML) say `foo`, so the findings show which were read.
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
    const filler = `${'x'.repeat(70_000)}\n`;
    const arena = new SharedArena();
    const kept = new Map<string, SharedBytes>();
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `f${i}.txt`), `ok ${i}\n${filler}`);
      kept.set(`f${i}.txt`, arena.store(Buffer.from(`foo ${i}\n${filler}`)));
    }
    class KeptSource extends DiskFileSource {
      override read(path: string): Promise<Buffer> {
        const shared = kept.get(path);
        return shared ? Promise.resolve(bufferOfShared(shared)) : super.read(path);
      }
      sharedBytesOf(path: string): SharedBytes | undefined {
        return kept.get(path);
      }
    }
    const testing = new URL('../../../dist/testing/index.js', import.meta.url).href;
    const core = new URL('../../../dist/index.js', import.meta.url).href;
    const setup = join(mkdtempSync(join(tmpdir(), 'plumbline-pool-setup-')), 'setup.mjs');
    writeFileSync(
      setup,
      [
        `import { RuleRegistry } from ${JSON.stringify(core)};`,
        `import { lineDomain, lineLanguage, testConfig, wordRule } from ${JSON.stringify(testing)};`,
        'const txt = lineLanguage({ id: "txt", extension: ".txt", syntaxError: "!", message: "unexpected !" });',
        'const noFoo = wordRule("dockerfile/no-foo", { ...lineDomain("dockerfile", "txt"), fileLocal: true }, "foo");',
        'export function createAuditSetup({ claimed }) {',
        '  const signals = { ...txt, parse(file) {',
        ...SIGNAL_CLAIMED,
        '    return txt.parse(file);',
        '  } };',
        '  return { languages: [signals], registry: new RuleRegistry([noFoo]), config: testConfig() };',
        '}',
      ].join('\n'),
    );
    // The worker checks at least one shard.
    const { claimed, language: slow } = mainThreadWaitsForWorker();
    const pooled = await runAudit({
      ...options,
      registry: new RuleRegistry([noFoo]),
      languages: [slow],
      source: new KeptSource(dir, 'x'),
      threads: 2,
      workerSetup: { module: pathToFileURL(setup).href, data: { claimed } },
    });
    expect(Atomics.load(claimed, 0)).toBe(1);
    expect(pooled.errors).toEqual([]);
    expect(pooled.findings.map((f) => `${f.file}:${f.startLine} ${f.ruleId}`)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `f${i}.txt:1 dockerfile/no-foo`),
    );
  });

  it('checks other languages while rules are still found, and again a shard that names one', async () => {
    // `.txt` files (their own language) and `.yml` files, where the pending rule reports `bar`.
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
    const filler = `${'x'.repeat(70_000)}\n`;
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `f${i}.txt`), `ok\n  foo ${i}\n${filler}`);
    // Names the pending rule where it cannot report: one thread with every rule says the comment
    // matches nothing; a worker that checked it before the rule was found could not.
    writeFileSync(join(dir, 'f4.txt'), `# plumbline:ignore vap/no-bar -- reviewed\nok\n${filler}`);
    // A rule that no file defines is not judged, with or without every rule.
    writeFileSync(
      join(dir, 'f5.txt'),
      `foo # plumbline:ignore vap/elsewhere, dockerfile/no-foo -- ok\n${filler}`,
    );
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `m${i}.yml`), `bar ${i}\nfoo\n${filler}`);
    const core = new URL('../../../dist/index.js', import.meta.url).href;
    const testing = new URL('../../../dist/testing/index.js', import.meta.url).href;
    const setup = join(mkdtempSync(join(tmpdir(), 'plumbline-pool-setup-')), 'setup.mjs');
    writeFileSync(
      setup,
      [
        `import { RuleRegistry, coreRules } from ${JSON.stringify(core)};`,
        `import { lineDomain, lineLanguage, testConfig, wordRule } from ${JSON.stringify(testing)};`,
        'const txt = lineLanguage({ id: "txt", extension: ".txt", syntaxError: "!", message: "!" });',
        'const yml = lineLanguage({ id: "yml", extension: ".yml", syntaxError: "!", message: "!" });',
        'const noFoo = wordRule("dockerfile/no-foo", { ...lineDomain("dockerfile", "txt"), fileLocal: true }, "foo");',
        'const noBar = wordRule("vap/no-bar", { ...lineDomain("k8s", "yml"), fileLocal: true }, "bar");',
        'export function createAuditSetup({ pending }) {',
        '  const rules = pending ? [noFoo, ...coreRules] : [noFoo, noBar, ...coreRules];',
        '  return { languages: [txt, yml], registry: new RuleRegistry(rules, ["vap/"], !pending), config: testConfig() };',
        '}',
      ].join('\n'),
    );
    const module = pathToFileURL(setup).href;
    const { createAuditSetup } = (await import(module)) as {
      createAuditSetup(data: { pending: boolean }): Pick<AuditOptions, 'languages' | 'registry' | 'config'>;
    };
    const all = createAuditSetup({ pending: false });
    const single = await runAudit({ ...all, now: options.now, source: new DiskFileSource(dir, 'x') });
    // The main thread finds the rule only once a worker has checked every `.txt` file.
    const checked = new Set<string>();
    let seenAll = () => {};
    const txtDone = new Promise<void>((resolve) => {
      seenAll = resolve;
    });
    const pooled = await runAudit({
      ...createAuditSetup({ pending: true }),
      now: options.now,
      source: new DiskFileSource(dir, 'x'),
      threads: 2,
      workerSetup: { module, data: { pending: true } },
      onFile: (path) => {
        if (path.endsWith('.txt')) checked.add(path);
        if (checked.size === 6) seenAll();
      },
      pendingRules: {
        languages: ['yml'],
        settle: async () => {
          await txtDone;
          return { ...all, workerSetup: { module, data: { pending: false } } };
        },
      },
    });
    const shown = (r: typeof single) =>
      r.findings.map((f) => `${f.file}:${f.startLine} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`);
    expect(shown(single)).toContain('f4.txt:1 core/unused-suppression');
    expect(shown(single).filter((f) => f.startsWith('m'))).toEqual([
      'm0.yml:1 vap/no-bar',
      'm1.yml:1 vap/no-bar',
      'm2.yml:1 vap/no-bar',
      'm3.yml:1 vap/no-bar',
    ]);
    expect(shown(single)).toContain('f5.txt:1 dockerfile/no-foo (suppressed)');
    expect(shown(pooled)).toEqual(shown(single));
    expect(pooled.findings).toEqual(single.findings);
    expect(pooled.summary).toEqual({ ...single.summary, durationMs: pooled.summary.durationMs });
    expect(pooled.errors).toEqual(single.errors);
  });

  /** A source no worker thread can open (as a commit read from git): it runs on this thread alone. */
  class UnsharedSource extends DiskFileSource {
    override readerDescription(): undefined {
      return undefined;
    }
  }

  it.each([
    ['on one thread', (dir: string) => new DiskFileSource(dir, 'x'), 1],
    [
      'when no worker can read the files, though threads are asked for',
      (dir: string) => new UnsharedSource(dir, 'x'),
      2,
    ],
  ] as const)(
    'checks a large scan shard after shard %s, with the findings of one pass',
    async (_, sourceOf, threads) => {
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
      process.stderr.write = ((chunk: string) =>
        debug.push(String(chunk)) > 0) as typeof process.stderr.write;
      let sharded: Awaited<ReturnType<typeof runAudit>>;
      try {
        sharded = await runAudit({ ...options, source: sourceOf(dir), threads });
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
    },
  );

  it('tells the source which files rendering reads on this thread before anything reads them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pool-'));
    mkdirSync(join(dir, 'chart'));
    for (const path of ['chart/t.txt', 'chart/values.txt', 'loose.txt'])
      writeFileSync(join(dir, path), 'ok\n');
    const said: string[][] = [];
    const readBefore: string[] = [];
    class Source extends DiskFileSource {
      override read(path: string): Promise<Buffer> {
        if (said.length === 0) readBefore.push(path);
        return super.read(path);
      }
      readHere(paths: ReadonlySet<string>): void {
        said.push([...paths].sort());
      }
    }
    const chart: Renderer = {
      id: 'chart',
      plan: async () => ({
        claimed: ['chart/t.txt', 'chart/values.txt'],
        run: async () => emptyRenderOutput(),
      }),
    };
    const result = await runAudit({ ...options, source: new Source(dir, 'x'), renderers: [chart] });
    expect(result.errors).toEqual([]);
    expect(said).toEqual([['chart/t.txt', 'chart/values.txt']]);
    expect(readBefore).toEqual([]);
  });
});
