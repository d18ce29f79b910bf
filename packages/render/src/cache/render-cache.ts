import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { scrubbedEnv } from '../process.js';
import { type ToolOutcome, type ToolRun, WORKSPACE } from '../tool-run.js';

/** Outcomes of earlier renderer runs with the same binary, arguments and files. */
export interface RenderCache {
  get(run: ToolRun): ToolOutcome | undefined;
  set(run: ToolRun, outcome: ToolOutcome): void;
}

/** Bumped when what a run's key covers, or what its outcome means, changes. */
const KEY_VERSION = 'plumbline-render-cache-1';

/**
 * A run's key: SHA-256 over the binary (path, size, modification time, inode: an upgraded Helm is
 * another binary), the arguments with the workspace left as a placeholder, the environment the
 * process gets, and every file copied into the workspace (path and bytes). Undefined when the
 * binary cannot be looked at: such a run is not cached.
 */
export function runKey(run: ToolRun, binaryId = binaryIdentity(run.binary)): string | undefined {
  if (binaryId === undefined) return undefined;
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([KEY_VERSION, run.prefix, binaryId, run.args, scrubbedEnv(WORKSPACE), run.files.size]),
  );
  for (const path of [...run.files.keys()].sort()) {
    const content = run.files.get(path)!;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // Length-prefixed: no file's bytes can pass for the next path.
    hash.update(`\0${JSON.stringify(path)}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 40);
}

/** What says a binary changed, without reading it; undefined when it is missing. */
export function binaryIdentity(binary: string): string | undefined {
  try {
    const stat = statSync(binary);
    return `${binary}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * What says a binary changed, from its path and bytes: SHA-256 of the file (~0.1 s for Helm's
 * 50 MB). For a cache kept across machines (the Action's, restored by actions/cache), where the
 * same Helm is downloaded afresh on every run, with a new modification time and inode. Undefined
 * when missing.
 */
export function binaryContentIdentity(binary: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(binary, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
    return `${binary}\0sha256:${hash.digest('hex')}`;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Keys of runs, each binary looked at once (a scan renders hundreds of runs with one or two tools). */
export class RunKeys {
  private readonly keys = new WeakMap<ToolRun, string | undefined>();
  private readonly binaries = new Map<string, string | undefined>();

  /** `identify`: how a binary is told apart from another (default: path, size, mtime, inode). */
  constructor(private readonly identify: (binary: string) => string | undefined = binaryIdentity) {}

  of(run: ToolRun): string | undefined {
    if (!this.keys.has(run)) {
      if (!this.binaries.has(run.binary)) this.binaries.set(run.binary, this.identify(run.binary));
      const id = this.binaries.get(run.binary);
      this.keys.set(run, id === undefined ? undefined : runKey(run, id));
    }
    return this.keys.get(run);
  }
}

/**
 * Outcomes held for one process: the Action's scans of the head and the base of a pull request
 * render each unchanged chart once, and nothing is written anywhere.
 */
export class MemoryRenderCache implements RenderCache {
  private readonly keys = new RunKeys();
  private readonly outcomes = new Map<string, ToolOutcome>();

  get(run: ToolRun): ToolOutcome | undefined {
    const key = this.keys.of(run);
    return key === undefined ? undefined : this.outcomes.get(key);
  }

  set(run: ToolRun, outcome: ToolOutcome): void {
    const key = this.keys.of(run);
    if (key !== undefined) this.outcomes.set(key, outcome);
  }
}
