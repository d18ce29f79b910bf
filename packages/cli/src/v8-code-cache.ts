import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { Script } from 'node:vm';
import { userCacheFolder } from './cache-home.js';

/**
 * Runs one CommonJS file (the published CLI, bundle/plumbline-main.cjs) through `vm.Script` with
 * V8's code cache, kept per user: Node 20 has no compile cache (`module.enableCompileCache` is Node
 * ≥ 22.1) and gives ES modules no way to pass cached data, so the bundle's main-thread code is one
 * CommonJS file compiled here. A later run skips parsing and compiling what an earlier run did.
 *
 * Cache file: `$XDG_CACHE_HOME/plumbline/v8/` (else `~/.cache/plumbline/v8/`), one per CLI version,
 * Node version, architecture and source hash. It holds a checksum of V8's data (V8 itself checks
 * only its version, flags and the source length, not the bytes), so a corrupt file is ignored, as
 * is one V8 rejects. A folder that cannot be written only costs speed. NODE_DISABLE_COMPILE_CACHE=1
 * (Node 22's switch) reads and writes nothing. Writing a cache prunes the other keys' files that
 * have not been used for a week (pruneCacheFolder).
 *
 * V8 stores the functions compiled by the end of the run that writes the cache, and a run that
 * uses a cache never writes one: a first scan of one Dockerfile left every later scan of a whole
 * repository compiling the Kubernetes, Terraform and Actions code again (the seed guide 0.34 →
 * 0.375 s, bench/README.md). So the cache names the groups of code its run loaded (the packs, the
 * policy compiler: `save(groups)`), and a run that loads one it lacks writes it again, with the
 * union: after a few runs it holds what the user's scans need.
 */
export interface CachedCommonJs {
  /** What the file put in `module.exports`. */
  exports: unknown;
  /**
   * Writes the cache after the run when there was none, V8 could not use it, or the run loaded a
   * group of code (`groups`) it lacks; not when the run was long enough to have dropped its
   * start-up's code (FULL_COLLECTIONS_BEFORE_FLUSH).
   */
  save(groups?: readonly string[]): void;
}

/** The file: magic, sha1 of the rest, the groups' length (2 bytes) and names (`a,b`), V8's data. */
const MAGIC = Buffer.from('PLV9');
const SUM = 20;

export interface CodeCacheOptions {
  version: string;
  env: NodeJS.ProcessEnv;
  /**
   * Which cache: V8 stores the functions compiled by the end of the run, so a scan's cache holds
   * the parsers and rules, and `--version` would spend time loading them. Each kind of run keeps
   * its own (`scan`, `other`).
   */
  kind: string;
}

/**
 * V8 drops the bytecode of a function that has not run for `--bytecode-old-age` full collections
 * (5 on V8 11.3): by the end of a long run (a large scan, an organisation scan) the code of its
 * start-up is gone, and a cache written then lacks it, so every later run compiled it again (one
 * Dockerfile after a cache written by the corpus scan: 0.33 → 0.47 s, bench/README.md). A run
 * that reached this many full collections writes no cache; the next shorter one does. One fewer
 * than V8's age: the run's last collection may not have been counted yet (countFullCollections).
 */
const FULL_COLLECTIONS_BEFORE_FLUSH = 4;

/** The cache folder; undefined when there is no home to put it in. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  return userCacheFolder(env, 'v8');
}

export function runCachedCommonJs(file: string, options: CodeCacheOptions): CachedCommonJs {
  // ASCII (esbuild escapes code, the bundle script the comments): latin1 decodes it exactly, faster.
  const bytes = readFileSync(file);
  const source = bytes.toString('latin1');
  const folder = cacheFolder(options.env);
  const off = ['1', 'true'].includes(options.env.NODE_DISABLE_COMPILE_CACHE ?? '') || !folder;
  // V8 rejects data written under other flags: runs with other flags keep a cache of their own.
  const flags = [...process.execArgv, options.env.NODE_OPTIONS ?? ''].join('\0');
  const key = createHash('sha1')
    .update(`${options.version}\0${process.version}\0${process.arch}\0${flags}\0`)
    .update(bytes)
    .digest('hex')
    .slice(0, 20);
  const keyPrefix = `plumbline-${options.version}-${key}-`;
  const cacheFile = join(folder ?? '', `${keyPrefix}${options.kind}.cache`);
  const read = off ? undefined : readCache(cacheFile);
  const stored = read === 'corrupt' ? undefined : read?.data;
  const flagsProbe = off ? undefined : new Script('"plumbline:0"').createCachedData();
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(stored ? { cachedData: stored } : {}),
  });
  const cacheUsed = stored !== undefined && script.cachedDataRejected === false;
  const held = new Set(cacheUsed && read !== 'corrupt' ? read?.groups : []);
  const debug = options.env.PLUMBLINE_CODE_CACHE_DEBUG
    ? (what: string) => process.stderr.write(`plumbline code cache: ${what}\n`)
    : () => {};
  debug(
    off
      ? 'off'
      : `${cacheUsed ? 'used' : stored ? 'rejected by V8' : read === 'corrupt' ? read : 'none'} ${cacheFile}`,
  );
  // Any run may write (one that loads a group the cache lacks): a few entries, then it stops listening.
  const collections = off ? undefined : countFullCollections(FULL_COLLECTIONS_BEFORE_FLUSH);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
  return {
    exports: module.exports,
    save(groups = []) {
      const lacking = groups.filter((group) => !held.has(group));
      if (off || (cacheUsed && lacking.length === 0)) return void collections?.stop();
      const full = collections?.stop() ?? 0;
      if (full >= FULL_COLLECTIONS_BEFORE_FLUSH)
        return debug(`not written: ${full} full collections may have dropped the start-up's code`);
      // Flags set during the run (wasm-tiering.ts) would make V8 reject the data in the next process.
      if (flagsProbe && flagsChanged(flagsProbe))
        return debug('not written: V8 flags changed during the run');
      // Functions the cache brought and this run did not call are compiled all the same: kept.
      const union = [...new Set([...held, ...groups])].sort();
      const wrote = writeCache(cacheFile, script.createCachedData(), union);
      debug(
        wrote ? `wrote ${cacheFile}${cacheUsed ? ` (adding ${lacking.join(', ')})` : ''}` : 'not written',
      );
      // Only after a write: runs that used their cache (nearly all) do not even list the folder.
      const pruned = wrote && folder ? pruneCacheFolder(folder, keyPrefix) : 0;
      if (pruned) debug(`pruned ${pruned} unused files`);
    },
  };
}

/** A `gc` entry: its `detail.kind` says which collection it was. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/**
 * Counts this thread's full (mark-compact) collections from now until `stop`, or until `enough`:
 * then it stops listening, so a long run (an overnight organisation scan) pays nothing more. Node
 * reports a collection on the next turn of the event loop, so one in the run's last synchronous
 * stretch may be missed.
 */
function countFullCollections(enough: number): { stop(): number } {
  let full = 0;
  const observer = new PerformanceObserver((list) => count(list.getEntries()));
  const count = (entries: PerformanceEntry[]) => {
    for (const entry of entries)
      if ((entry as GcEntry).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
    if (full >= enough) observer.disconnect();
  };
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      if (full < enough) count(observer.takeRecords());
      observer.disconnect();
      return full;
    },
  };
}

let probes = 0;

/**
 * Whether V8's flags differ from when `probe` was made: V8 checks the flags' hash and the source's
 * length, so a new script of the same length (not in V8's in-memory cache) tells.
 */
function flagsChanged(probe: Buffer): boolean {
  const source = `"plumbline:${++probes % 10}"`;
  return new Script(source, { cachedData: probe }).cachedDataRejected === true;
}

function readCache(file: string): { data: Buffer; groups: string[] } | 'corrupt' | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + SUM;
  if (bytes.length <= start + 2 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'corrupt';
  const rest = bytes.subarray(start);
  if (!createHash('sha1').update(rest).digest().equals(bytes.subarray(MAGIC.length, start))) return 'corrupt';
  const length = rest.readUInt16BE(0);
  if (rest.length <= 2 + length) return 'corrupt';
  const names = rest.subarray(2, 2 + length).toString('latin1');
  return { data: rest.subarray(2 + length), groups: names ? names.split(',') : [] };
}

function writeCache(file: string, data: Buffer, groups: readonly string[]): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const names = Buffer.from(groups.join(','), 'latin1');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(names.length);
    const rest = Buffer.concat([length, names, data]);
    const sum = createHash('sha1').update(rest).digest();
    writeFileSync(temporary, Buffer.concat([MAGIC, sum, rest]), { mode: 0o600 });
    // Readers see the old file or the whole new one, never a half-written one.
    renameSync(temporary, file);
    return true;
  } catch {
    // Read-only or full: the next run compiles again.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
    return false;
  }
}

/** Another key's file unused this long (another version, Node, flags or bundle) is removed. */
const UNUSED_MS = 7 * 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a process that died while writing. */
const ABANDONED_MS = 60 * 60 * 1000;
/** The names this module writes: `plumbline-<version>-<key>-<kind>.cache` and their temporaries. */
const OURS = /^plumbline-.+\.cache(\.\d+\.tmp)?$/;

/**
 * Removes this cache folder's files of other keys that have not been used (read or written, by
 * access or modification time) for UNUSED_MS, and abandoned temporaries: the folder no longer
 * grows with every upgrade, and a key still in use (a second installed version, other flags)
 * keeps its file. Only regular files named as this module names them, directly in `folder`, never
 * through a symbolic link (a linked folder is left alone). Never throws; returns how many it removed.
 */
export function pruneCacheFolder(folder: string, keep: string, now = Date.now()): number {
  let removed = 0;
  try {
    if (!lstatSync(folder).isDirectory()) return 0;
    for (const name of readdirSync(folder)) {
      const ours = OURS.exec(name);
      if (!ours || name.startsWith(keep)) continue;
      const path = join(folder, name);
      try {
        const stat = lstatSync(path);
        if (!stat.isFile()) continue;
        const age = now - Math.max(stat.atimeMs, stat.mtimeMs);
        if (age < (ours[1] ? ABANDONED_MS : UNUSED_MS)) continue;
        unlinkSync(path);
        removed++;
      } catch {
        // Removed by another run meanwhile, or not ours to remove: only costs space.
      }
    }
  } catch {
    // No folder, or not readable: nothing to prune.
  }
  return removed;
}
