import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ToolOutcome, ToolRun } from '../tool-run.js';
import { binaryContentIdentity, type RenderCache, RunKeys } from './render-cache.js';

const MAGIC = Buffer.from('PLRC1');
const HEADER = MAGIC.length + 20 + 1; // magic, sha1 of the body, kind
const STDOUT = 0x6f; // 'o'
const ERROR = 0x65; // 'e'

/** An entry not used for this long is removed when the cache is pruned. */
const UNUSED_MS = 14 * 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a process that died while writing. */
const ABANDONED_MS = 60 * 60 * 1000;
/** The names this cache writes: `<key>.run` and their temporaries. */
const OURS = /^[0-9a-f]{40}\.run(\.\d+\.\d+\.tmp)?$/;

export interface DiskRenderCacheOptions {
  /** Bytes the folder may hold after pruning (default 256 MB); the least recently used go first. */
  maxBytes?: number;
  /**
   * Tell Helm and kubectl apart by their bytes, not their path, size, mtime and inode: for a
   * folder carried from machine to machine (the Action's `render-cache`), where the same binary is
   * installed afresh each time. Its path still counts.
   */
  binaryByContent?: boolean;
}

export interface RenderCacheStats {
  hits: number;
  misses: number;
  written: number;
}

/**
 * Renderer outcomes kept in a folder, one file per run key (see runKey): a later scan of unchanged
 * charts and overlays spawns nothing. Each file holds a checksum, so a damaged one is a miss; files
 * are written to a temporary name and renamed, so two scans at once never see half a file. A hit
 * touches its file: pruning removes what has not been used. The folder is private (0700, files
 * 0600): rendered output holds whatever the values files hold. A folder that cannot be written only
 * costs speed.
 */
export class DiskRenderCache implements RenderCache {
  readonly stats: RenderCacheStats = { hits: 0, misses: 0, written: 0 };
  private readonly keys: RunKeys;
  private writes = 0;

  constructor(
    readonly folder: string,
    private readonly options: DiskRenderCacheOptions = {},
  ) {
    this.keys = new RunKeys(options.binaryByContent ? binaryContentIdentity : undefined);
  }

  get(run: ToolRun): ToolOutcome | undefined {
    const key = this.keys.of(run);
    const outcome = key === undefined ? undefined : this.read(join(this.folder, `${key}.run`));
    if (outcome) this.stats.hits++;
    else this.stats.misses++;
    return outcome;
  }

  set(run: ToolRun, outcome: ToolOutcome): void {
    const key = this.keys.of(run);
    if (key === undefined) return;
    const file = join(this.folder, `${key}.run`);
    const temporary = `${file}.${process.pid}.${++this.writes}.tmp`;
    const body = Buffer.from('stdout' in outcome ? outcome.stdout : outcome.error, 'utf8');
    const kind = Buffer.of('stdout' in outcome ? STDOUT : ERROR);
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      const sum = createHash('sha1').update(body).digest();
      writeFileSync(temporary, Buffer.concat([MAGIC, sum, kind, body]), { mode: 0o600 });
      renameSync(temporary, file);
      this.stats.written++;
    } catch {
      // Read-only or full: the next scan runs the tool again.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written
      }
    }
  }

  /**
   * Removes entries unused for two weeks and abandoned temporaries, then the least recently used
   * until the folder is under its size limit. Lists the folder only when this run wrote to it (a
   * run that only hit changed nothing worth pruning). Only regular files named as this cache names
   * them, never through a link. Never throws; returns how many files it removed.
   */
  prune(now = Date.now()): number {
    if (this.stats.written === 0) return 0;
    const maxBytes = this.options.maxBytes ?? 256 * 1024 * 1024;
    let removed = 0;
    const kept: { path: string; size: number; used: number }[] = [];
    try {
      if (!lstatSync(this.folder).isDirectory()) return 0;
      for (const name of readdirSync(this.folder)) {
        const ours = OURS.exec(name);
        if (!ours) continue;
        const path = join(this.folder, name);
        try {
          const stat = lstatSync(path);
          if (!stat.isFile()) continue;
          if (now - stat.mtimeMs >= (ours[1] ? ABANDONED_MS : UNUSED_MS)) {
            unlinkSync(path);
            removed++;
          } else if (!ours[1]) kept.push({ path, size: stat.size, used: stat.mtimeMs });
        } catch {
          // Removed by another scan meanwhile.
        }
      }
    } catch {
      return removed;
    }
    let total = kept.reduce((sum, f) => sum + f.size, 0);
    for (const file of kept.sort((a, b) => a.used - b.used)) {
      if (total <= maxBytes) break;
      try {
        unlinkSync(file.path);
        removed++;
      } catch {
        // already gone
      }
      total -= file.size;
    }
    return removed;
  }

  private read(file: string): ToolOutcome | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const body = bytes.subarray(HEADER);
    const sum = createHash('sha1').update(body).digest();
    if (!sum.equals(bytes.subarray(MAGIC.length, MAGIC.length + 20))) return undefined;
    const kind = bytes[HEADER - 1];
    if (kind !== STDOUT && kind !== ERROR) return undefined;
    try {
      // Used now: pruning goes by modification time (access times are often not kept).
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // A read-only folder still serves hits.
    }
    const text = body.toString('utf8');
    return kind === STDOUT ? { stdout: text } : { error: text };
  }
}
