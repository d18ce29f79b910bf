import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreRules } from '../../rules/index.js';
import { testConfig } from '../../testing/config.js';
import { lineLanguage } from '../../testing/line-language.js';
import { runAudit } from '../audit.js';
import { DiskFileSource } from '../file-source.js';
import { RuleRegistry } from '../registry.js';
import { dropPrestarted, engineWorkerUrl, prestartEngineWorkers, takePrestarted } from './prestart.js';

/**
 * A setup module whose worker language says, for every file, what the thread's `warmAuditSetup`
 * was given: a worker that was prestarted and adopted says the warm data, a fresh one says nothing.
 */
function warmSetupModule(): string {
  const core = new URL('../../../dist/index.js', import.meta.url).href;
  const file = join(mkdtempSync(join(tmpdir(), 'plumbline-prestart-')), 'setup.mjs');
  writeFileSync(
    file,
    [
      `import { RuleRegistry } from ${JSON.stringify(core)};`,
      'export async function warmAuditSetup(data) { globalThis.warmedWith = data; }',
      'export function createAuditSetup({ claimed }) {',
      '  const said = () => {',
      '    Atomics.store(claimed, 0, 1);',
      '    Atomics.notify(claimed, 0);',
      '    return { problems: [], skipped: `warmed with ${globalThis.warmedWith ?? "nothing"}` };',
      '  };',
      '  const txt = { id: "txt", claims: (p) => p.endsWith(".txt"), parse: said };',
      '  const config = { sources: [], rules: new Map(), ignore: [], exceptions: [], maxFileSize: 1e7 };',
      '  return { languages: [txt], registry: new RuleRegistry([]), config };',
      '}',
    ].join('\n'),
  );
  return pathToFileURL(file).href;
}

function folderOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-prestart-scan-'));
  // Files large enough to make a shard each (64 KB), so the worker gets some.
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `f${i}.txt`), `line\n${'x'.repeat(70_000)}\n`);
  return dir;
}

const txt = lineLanguage({ id: 'txt', extension: '.txt', syntaxError: '!', message: 'unexpected !' });
/**
 * Set by the worker when it parses a file: until then the main thread waits before each parse,
 * so that the worker claims a shard however long it takes to start.
 */
let claimed = new Int32Array(new SharedArrayBuffer(4));
const waiting = {
  ...txt,
  parse: (file: Parameters<typeof txt.parse>[0]) => {
    Atomics.wait(claimed, 0, 0, 20_000);
    return txt.parse(file);
  },
};
const options = {
  languages: [waiting],
  registry: new RuleRegistry([...coreRules]),
  config: testConfig(),
  now: new Date('2026-06-01'),
};

describe('prestarted engine workers', () => {
  it('are adopted by the pool, having run the setup module’s warm-up before the setup data came', async () => {
    const module = warmSetupModule();
    claimed = new Int32Array(new SharedArrayBuffer(4));
    prestartEngineWorkers({ module, data: undefined }, 1, 'the scan languages');
    const dir = folderOf(8);
    const result = await runAudit({
      ...options,
      source: new DiskFileSource(dir, 'x'),
      threads: 2,
      workerSetup: { module, data: { claimed } },
    });
    const said = result.errors.filter((e) => e.kind === 'skipped').map((e) => e.message);
    expect(said.length).toBeGreaterThan(0);
    expect(new Set(said)).toEqual(new Set(['warmed with the scan languages']));
    expect(takePrestarted(engineWorkerUrl(undefined))).toBeUndefined();
  });

  it('that no pool wants are ended by the run (one thread here)', async () => {
    const module = warmSetupModule();
    prestartEngineWorkers({ module, data: undefined }, 2, 'x');
    claimed = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(claimed, 0, 1); // no worker to wait for
    await runAudit({ ...options, source: new DiskFileSource(folderOf(2), 'x'), threads: 1 });
    expect(takePrestarted(engineWorkerUrl(undefined))).toBeUndefined();
  });

  it('a fresh worker is started when none was prestarted', async () => {
    await dropPrestarted();
    claimed = new Int32Array(new SharedArrayBuffer(4));
    const module = warmSetupModule();
    const result = await runAudit({
      ...options,
      source: new DiskFileSource(folderOf(8), 'x'),
      threads: 2,
      workerSetup: { module, data: { claimed } },
    });
    const said = result.errors.filter((e) => e.kind === 'skipped').map((e) => e.message);
    expect(new Set(said)).toEqual(new Set(['warmed with nothing']));
  });
});
