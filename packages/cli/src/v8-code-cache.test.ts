import {
  existsSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, pruneCacheFolder, runCachedCommonJs } from './v8-code-cache.js';

const work = mkdtempSync(join(tmpdir(), 'plumbline-v8-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DAY = 24 * 60 * 60 * 1000;

/** Sets a file's access and modification times `days` ago (a link's own times, not its target's). */
function age(path: string, days: number, link = false): void {
  const when = new Date(Date.now() - days * DAY);
  (link ? lutimesSync : utimesSync)(path, when, when);
}

describe('V8 code cache: old files are pruned when a cache is written', () => {
  it("removes other keys' files unused for a week and abandoned temporaries, nothing else", () => {
    const env = { XDG_CACHE_HOME: join(work, 'home') };
    const folder = cacheFolder(env)!;
    const script = join(work, 'main.cjs');
    writeFileSync(script, 'module.exports = 1;\n');
    const run = (kind: string) => runCachedCommonJs(script, { version: '1.0.0', env, kind }).save();

    run('scan');
    const [scanCache] = readdirSync(folder);
    expect(scanCache).toMatch(/^plumbline-1\.0\.0-[0-9a-f]{20}-scan\.cache$/);
    // The same key's other kind of run: the scan's file stays, however old.
    age(join(folder, scanCache!), 30);
    run('other');
    expect(readdirSync(folder).sort()).toEqual([scanCache, scanCache!.replace('-scan.', '-other.')].sort());

    const outside = join(work, 'outside.cache');
    writeFileSync(outside, 'not in the folder');
    const plant: Record<string, number> = {
      'plumbline-0.9.0-0123456789abcdef0123-scan.cache': 30, // an old version, unused: removed
      'plumbline-0.9.1-0123456789abcdef0124-scan.cache': 2, // used two days ago: kept
      'plumbline-1.0.0-0123456789abcdef0125-other.cache.4242.tmp': 1, // abandoned temporary: removed
      'plumbline-1.0.0-0123456789abcdef0126-other.cache.4243.tmp': 0, // being written: kept
      'notes.txt': 30, // not ours: kept
    };
    for (const [name, days] of Object.entries(plant)) {
      writeFileSync(join(folder, name), 'x');
      age(join(folder, name), days);
    }
    // A link named like a cache file, and a folder: neither removed, the link's target untouched.
    const link = join(folder, 'plumbline-0.8.0-0123456789abcdef0127-scan.cache');
    symlinkSync(outside, link);
    age(outside, 30);
    age(link, 30, true);
    mkdirSync(join(folder, 'plumbline-0.7.0-0123456789abcdef0128-scan.cache'));

    // New contents, a new key: writing its cache prunes; the first key's files were used just now.
    writeFileSync(script, 'module.exports = 2;\n');
    age(join(folder, scanCache!), 0);
    run('scan');
    const left = readdirSync(folder);
    expect(left).not.toContain('plumbline-0.9.0-0123456789abcdef0123-scan.cache');
    expect(left).not.toContain('plumbline-1.0.0-0123456789abcdef0125-other.cache.4242.tmp');
    for (const name of [
      scanCache,
      scanCache!.replace('-scan.', '-other.'),
      'plumbline-0.9.1-0123456789abcdef0124-scan.cache',
      'plumbline-1.0.0-0123456789abcdef0126-other.cache.4243.tmp',
      'notes.txt',
      'plumbline-0.8.0-0123456789abcdef0127-scan.cache',
      'plumbline-0.7.0-0123456789abcdef0128-scan.cache',
    ])
      expect(left, name).toContain(name);
    // The scan caches not planted: the first key's, the new key's just written, the link, the folder.
    expect(left.filter((f) => f.endsWith('-scan.cache') && !(f in plant))).toHaveLength(4);
    expect(existsSync(outside)).toBe(true);
  });

  it('leaves a linked cache folder alone, and never throws', () => {
    const real = join(work, 'real');
    mkdirSync(real);
    const old = join(real, 'plumbline-0.9.0-0123456789abcdef0123-scan.cache');
    writeFileSync(old, 'x');
    age(old, 30);
    const linked = join(work, 'linked');
    symlinkSync(real, linked);
    expect(pruneCacheFolder(linked, 'plumbline-1.0.0-')).toBe(0);
    expect(existsSync(old)).toBe(true);
    expect(pruneCacheFolder(join(work, 'no-such-folder'), 'plumbline-1.0.0-')).toBe(0);
    expect(pruneCacheFolder(real, 'plumbline-1.0.0-')).toBe(1);
    expect(existsSync(old)).toBe(false);
  });
});

describe('V8 code cache: a run long enough for V8 to drop its start-up code writes none', () => {
  /** A main file that runs `collections` full garbage collections, as a long scan does. */
  function collecting(name: string, collections: number): string {
    const file = join(work, `${name}.cjs`);
    writeFileSync(
      file,
      [
        "const v8 = require('node:v8');",
        // gc() for this file only; the flag goes back, so the cache's flags are the run's.
        "v8.setFlagsFromString('--expose-gc');",
        "const gc = require('node:vm').runInNewContext('gc');",
        "v8.setFlagsFromString('--no-expose-gc');",
        `for (let i = 0; i < ${collections}; i++) gc();`,
        `module.exports = ${collections};`,
        '',
      ].join('\n'),
    );
    return file;
  }

  it('writes after a short run, not after one with as many full collections as V8 ages code by', async () => {
    const env = { XDG_CACHE_HOME: join(work, 'flush'), PLUMBLINE_CODE_CACHE_DEBUG: '1' };
    const folder = cacheFolder(env)!;
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof write;
    try {
      // V8 11.3's --bytecode-old-age: five collections drop a function that ran in none of them.
      const long = runCachedCommonJs(collecting('long', 5), { version: '1.0.0', env, kind: 'scan' });
      expect(long.exports).toBe(5);
      // As in the CLI, where `save` follows the scan's last await: Node reports a collection on
      // the event loop's next turn.
      await new Promise(setImmediate);
      long.save();
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
      expect(lines.join('')).toMatch(/not written: [4-9]\d* full collections/);

      const short = runCachedCommonJs(collecting('short', 1), { version: '1.0.0', env, kind: 'scan' });
      await new Promise(setImmediate);
      short.save();
      expect(readdirSync(folder)).toHaveLength(1);
      expect(lines.join('')).toContain('wrote ');
    } finally {
      process.stderr.write = write;
    }
  });
});

describe('V8 code cache: the groups of code a run loaded', () => {
  it('writes again when a run loads a group the cache lacks, with the union, and not otherwise', () => {
    const env = { XDG_CACHE_HOME: join(work, 'groups'), PLUMBLINE_CODE_CACHE_DEBUG: '1' };
    const script = join(work, 'groups.cjs');
    writeFileSync(script, 'module.exports = function pack(n) { return n * 2; };\n');
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => lines.push(String(chunk).trim()) > 0) as typeof write;
    const run = (groups: string[]) => {
      lines.length = 0;
      const cached = runCachedCommonJs(script, { version: '1.0.0', env, kind: 'scan' });
      expect((cached.exports as (n: number) => number)(21)).toBe(42);
      cached.save(groups);
      return lines.map((line) => line.replace(/ \/.*?\.cache/, '').replace('plumbline code cache: ', ''));
    };
    try {
      expect(run(['dockerfile'])).toEqual(['none', 'wrote']);
      expect(run(['dockerfile'])).toEqual(['used']);
      // A scan of YAML after one of a Dockerfile: the Kubernetes code is added, the Dockerfile's kept.
      expect(run(['dockerfile', 'kubernetes'])).toEqual(['used', 'wrote (adding kubernetes)']);
      expect(run(['kubernetes'])).toEqual(['used']);
      expect(run(['dockerfile'])).toEqual(['used']);
      expect(run([])).toEqual(['used']);
      expect(run(['kubernetes', 'policy'])).toEqual(['used', 'wrote (adding policy)']);
      expect(run(['dockerfile', 'kubernetes', 'policy'])).toEqual(['used']);
    } finally {
      process.stderr.write = write;
    }
  });
});
