/**
 * `plumbline audit --fix` / `--fix-dry-run`: apply the rules' safe fixes to the scanned files.
 * Fixes on the same lines are applied over several passes, with a re-scan in between, so no fix
 * works on stale line numbers. A dry run keeps the changed files in memory and prints a diff.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  applyFixes,
  DiskFileSource,
  type FileSource,
  type RunResult,
  type SourceEntry,
  unifiedDiff,
} from '@plumbline/core';

const MAX_PASSES = 5;

export interface FixOutcome {
  /** Path (as in findings) → text before and after, for every file that changed. */
  changed: Map<string, { before: string; after: string }>;
  /** How many fixes were applied. */
  applied: number;
  /** Files whose fixes were refused (outside the scan root, a symlink out of it, unreadable). */
  refused: { file: string; reason: string }[];
  /** The scan of the fixed files. */
  result: RunResult;
}

/** The disk under `base`, with the files changed so far read from memory. */
class OverlaySource implements FileSource {
  readonly name: string;
  constructor(
    private readonly disk: DiskFileSource,
    private readonly overlay: Map<string, string>,
  ) {
    this.name = disk.name;
  }
  get warnings() {
    return this.disk.warnings;
  }
  listFolder(path: string) {
    return this.disk.listFolder(path);
  }
  async *list(): AsyncIterable<SourceEntry> {
    for await (const entry of this.disk.list()) {
      const text = this.overlay.get(entry.path);
      yield text === undefined ? entry : { path: entry.path, size: Buffer.byteLength(text) };
    }
  }
  async read(path: string): Promise<Buffer> {
    const text = this.overlay.get(path);
    return text === undefined ? this.disk.read(path) : Buffer.from(text, 'utf8');
  }
}

/**
 * The real file a finding's path names, if it is safe to write: inside the scanned root even after
 * resolving symlinks, and a regular file.
 */
export function fixTarget(base: string, file: string): { path?: string; reason?: string } {
  const candidate = resolve(base, file);
  const rel = relative(base, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    return { reason: 'outside the scanned directory' };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch (error) {
    return { reason: `cannot read: ${(error as Error).message}` };
  }
  const realBase = realpathSync(base);
  const realRel = relative(realBase, real);
  if (realRel.startsWith(`..${sep}`) || realRel === '..' || isAbsolute(realRel))
    return { reason: 'a symbolic link that leads outside the scanned directory' };
  if (!statSync(real).isFile()) return { reason: 'not a regular file' };
  return { path: real };
}

/** Writes `text` next to `path` and renames it over, keeping the file's mode: never a half-written file. */
export function writeAtomically(path: string, text: string): void {
  const mode = lstatSync(path).mode & 0o7777;
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.plumbline-fix.tmp`);
  try {
    writeFileSync(temp, text, { mode, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Applies the fixes of the unsuppressed findings in `initial`, re-scanning after each pass, until
 * nothing fixable is left (at most five passes). With `write: false` nothing on disk changes.
 */
export async function fixFindings(options: {
  /** The scanned directory (or the directory of the scanned file): finding paths are relative to it. */
  base: string;
  /** The scan root as given to the scanner (a directory or a file). */
  root: string;
  initial: RunResult;
  rescan: (source: FileSource) => Promise<RunResult>;
  write: boolean;
}): Promise<FixOutcome> {
  const overlay = new Map<string, string>();
  const originals = new Map<string, string>();
  const refused = new Map<string, string>();
  const disk = new DiskFileSource(options.root, options.initial.root);
  let result = options.initial;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const byFile = new Map<string, NonNullable<RunResult['findings'][number]['fix']>[]>();
    for (const f of result.findings) {
      if (f.suppressed || !f.fix || refused.has(f.file)) continue;
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.fix]);
    }
    let progress = 0;
    for (const [file, fixes] of byFile) {
      const target = fixTarget(options.base, file);
      if (!target.path) {
        refused.set(file, target.reason!);
        continue;
      }
      const text = overlay.get(file) ?? readFileSync(target.path, 'utf8');
      if (!originals.has(file)) originals.set(file, text);
      const out = applyFixes(text, fixes);
      if (out.text === text) continue;
      overlay.set(file, out.text);
      applied += out.applied.length;
      progress += out.applied.length;
    }
    if (progress === 0) break;
    result = await options.rescan(new OverlaySource(disk, overlay));
  }
  const changed = new Map<string, { before: string; after: string }>();
  for (const [file, after] of overlay) {
    const before = originals.get(file)!;
    if (before !== after) changed.set(file, { before, after });
  }
  if (options.write)
    for (const [file, { after }] of changed) writeAtomically(fixTarget(options.base, file).path!, after);
  return { changed, applied, refused: [...refused].map(([file, reason]) => ({ file, reason })), result };
}

/** The unified diff of every changed file, paths relative to the scanned directory. */
export function fixDiff(outcome: FixOutcome): string {
  return [...outcome.changed].map(([file, { before, after }]) => unifiedDiff(file, before, after)).join('');
}
