import {
  closeSync,
  constants,
  type Dirent,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compareText } from '../compare-text.js';
import type { FolderEntry } from '../model/domain.js';
import type { SharedBytes } from './shared-bytes.js';
import { compareWalkOrder } from './walk-order.js';

export interface SourceEntry {
  /** Path relative to the root, posix separators. */
  path: string;
  size: number;
  /** Listed but not to be read (a link out of the root, a FIFO): the engine reports it. */
  skipped?: { kind: 'outside-root' | 'special-file' | 'unreadable'; reason: string };
  /** Path from the repository root (see SourceContext.repoPath). */
  repoPath?: string;
  /** Named on the command line. */
  named?: boolean;
}

/**
 * Where the engine reads files from: a directory on disk, a commit (`git show`), or a tarball in
 * memory. The engine never touches the file system itself.
 */
export interface FileSource {
  /** A name for the root to show in reports (never an absolute path of this machine). */
  readonly name: string;
  list(): AsyncIterable<SourceEntry>;
  read(path: string): Promise<Buffer>;
  /**
   * The files and folders directly inside a root-relative folder (`''` is the root), with the
   * same boundaries as `read`; may be left out, then domains do without what it would find.
   */
  listFolder?(path: string): Promise<FolderEntry[]>;
  /** Problems met while listing (symlink loops, unreadable folders). */
  readonly warnings: { path: string; message: string }[];
  /**
   * How another thread can open the same files for reading (plain data), or undefined when it
   * cannot (files held in memory): the engine's worker threads then stay off.
   */
  readerDescription?(): DiskReaderDescription | undefined;
  /**
   * The bytes of `path` this source already holds in shared memory, which a worker thread takes
   * instead of reading the file again (undefined: the worker reads it).
   */
  sharedBytesOf?(path: string): SharedBytes | undefined;
  /**
   * The paths this thread will read itself (the files rendering claimed), said before anything
   * reads them: a source keeping bytes in shared memory for worker threads keeps these apart,
   * so they are freed once read instead of living in shared chunks to the end of the run.
   */
  readHere?(paths: ReadonlySet<string>): void;
}

/** What a worker thread needs to read the files of a DiskFileSource with the same boundaries. */
export interface DiskReaderDescription {
  kind: 'disk';
  root: string;
  name: string;
  paths?: string[];
}

/** Folders discovery never walks (every FileSource of a scan leaves them out of its listing). */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  '.terraform',
  '.turbo',
  '.hg',
  '.svn',
]);
/**
 * Folders discovery never walks but a domain may read from on purpose: `terraform init` downloads
 * module sources into `.terraform/modules/`.
 */
export const READABLE_SKIPPED_DIRS: ReadonlySet<string> = new Set(['.terraform']);

export interface DiskFileSourceOptions {
  /**
   * Walk only these paths (relative to the root, posix separators; `''` is the root itself). A
   * named file is listed as it is, a named folder is walked; nothing else is. Default: the root.
   */
  paths?: string[];
  /**
   * Files git tracks, relative to the root (`git ls-files -z` run there), or a function that lists
   * them: it is called once, when a walk first meets an ignore file, so a scan of named files or
   * of a tree without ignore files never runs it. Tracked files are always listed: ignore files
   * only exclude untracked ones. Undefined outside a git work tree, where `.gitignore` rules apply
   * to every file.
   */
  tracked?: ReadonlySet<string> | (() => ReadonlySet<string> | undefined);
}

/** Git's tracked files and the folders that hold them. */
interface Tracked {
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
}

type Ignores = { base: string; rules: Ignore }[];

/** A link or folder met during the walk, handled after the plain files so each file is listed once. */
interface Deferred {
  full: string;
  rel: string;
  real: string;
  boundary: string;
  ignores: Ignores;
}

/**
 * A directory on disk. The scanned root is a boundary: a symbolic link (to a file or a folder)
 * whose real path leaves it is listed as skipped and never followed; links that stay inside are
 * read once (under the file's own name when the walk meets it). FIFOs, sockets and devices are
 * listed as skipped and never opened. Inside a git work tree every tracked file is listed, and
 * `.gitignore` files only exclude untracked ones; outside git they apply to every file.
 */
export class DiskFileSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  private readonly options: DiskFileSourceOptions;
  private boundaries?: Promise<{ rootReal: string; dirs: string[] }>;
  /** Git's list, once asked for (null: not in a git work tree). */
  private tracked?: Tracked | null;
  private targetsOfRoot?: Promise<{ base: string; paths: string[] }>;
  /** Real path of each folder a read happened in (a scan reads many files per folder). */
  private readonly realFolders = new Map<string, string>();

  constructor(
    readonly root: string,
    readonly name: string = '.',
    options: DiskFileSourceOptions = {},
  ) {
    this.options = options;
  }

  readerDescription(): DiskReaderDescription {
    return { kind: 'disk', root: this.root, name: this.name, paths: this.options.paths };
  }

  /** The real root, and the real folders reading may happen in (the root, or each named folder). */
  private async limits(): Promise<{ rootReal: string; dirs: string[] }> {
    this.boundaries ??= (async () => {
      const rootInfo = await stat(this.root);
      const rootReal = await realpath(rootInfo.isFile() ? dirname(this.root) : this.root);
      // With named paths, reading is allowed only inside what the walk of each of them allowed.
      return { rootReal, dirs: this.options.paths && !rootInfo.isFile() ? [] : [rootReal] };
    })();
    return this.boundaries;
  }

  /**
   * A single file given as the root is listed under its own name; the base is normalised (as
   * `join` leaves it), so that paths can be built under it by concatenation. Asked on every read:
   * the root is looked at once (a `stat` per read was a tenth of a large scan's time).
   */
  private targets(): Promise<{ base: string; paths: string[] }> {
    this.targetsOfRoot ??= stat(this.root).then((rootInfo) =>
      rootInfo.isFile()
        ? { base: join(dirname(this.root)), paths: [basename(this.root)] }
        : { base: join(this.root), paths: this.options.paths ?? [''] },
    );
    return this.targetsOfRoot;
  }

  async *list(): AsyncIterable<SourceEntry> {
    const { rootReal } = await this.limits();
    const { base, paths } = await this.targets();
    const seenFiles = new Set<string>();
    const visitedDirs = new Set<string>();
    const repoRoot = findRepositoryRootSync(rootReal);
    const repoPathOf = repoPathsUnder(rootReal, repoRoot);
    for (const target of [...new Set(paths)]) {
      const full = join(base, ...target.split('/').filter(Boolean));
      const rel = this.rel(base, full);
      const info = await lstat(full).catch(() => undefined);
      if (!info) continue;
      const real = await realpath(full).catch(() => undefined);
      if (!real) {
        yield { path: rel, size: 0, skipped: { kind: 'unreadable', reason: 'broken symbolic link' } };
        continue;
      }
      const resolved = info.isSymbolicLink() ? await stat(full).catch(() => undefined) : info;
      if (resolved?.isDirectory()) {
        // A named folder is its own boundary: links inside it may not leave it.
        const deferred: Deferred[] = [];
        visitedDirs.add(real);
        const limits = await this.limits();
        if (!limits.dirs.includes(real)) limits.dirs.push(real);
        const folder = { full, rel, real, boundary: real, ignores: [] };
        yield* this.walk(folder, deferred, seenFiles, visitedDirs, repoPathOf);
        yield* this.drain(deferred, seenFiles, visitedDirs, repoPathOf);
        continue;
      }
      // A named file may be a link, but not to a place outside its repository (or its folder).
      const boundary = repoRoot ?? (await realpath(dirname(full)).catch(() => dirname(full)));
      if (!isInside(real, boundary)) {
        yield { path: rel, size: 0, skipped: OUTSIDE_ROOT, named: true };
        continue;
      }
      if (!resolved?.isFile()) {
        yield { path: rel, size: 0, skipped: specialFile(resolved), named: true };
        continue;
      }
      if (seenFiles.has(real)) continue;
      seenFiles.add(real);
      const limits = await this.limits();
      if (!limits.dirs.includes(boundary)) limits.dirs.push(boundary);
      yield { path: rel, size: resolved.size, named: true, repoPath: repoPathOf(rel) };
    }
  }

  /**
   * Lists the folder `first` and every folder under it, depth first in name order (folders after
   * the files beside them), with one explicit stack: a recursive async generator passed each entry
   * up through one generator per level, a fifth of a large repository's walk.
   */
  private async *walk(
    first: Deferred,
    deferred: Deferred[],
    seenFiles: Set<string>,
    visitedDirs: Set<string>,
    repoPathOf: (rel: string) => string,
  ): AsyncIterable<SourceEntry> {
    const stack = [first];
    for (let folder = stack.pop(); folder; folder = stack.pop()) {
      if (folder !== first) {
        if (visitedDirs.has(folder.real)) continue;
        visitedDirs.add(folder.real);
      }
      const { full: dir, rel: relDir, real: realDir, boundary, ignores } = folder;
      let entries: Dirent[];
      try {
        // Synchronous on purpose, like the lstat below: one call per entry through the thread pool
        // costs ~0.5 ms each (most of the walk of a 2,000-file repository); these cost microseconds.
        entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
      } catch (error) {
        this.warnings.push({ path: relDir || '.', message: `cannot read directory: ${errorText(error)}` });
        continue;
      }
      let scoped = ignores;
      if (entries.some((entry) => entry.name === '.gitignore')) {
        const text = await readRegularFile(childPath(dir, '.gitignore'));
        if (text !== undefined) {
          try {
            scoped = [...ignores, { base: dir, rules: ignore().add(text) }];
          } catch {
            // An .gitignore the library rejects ignores nothing.
          }
        }
      }
      const subdirs: Deferred[] = [];
      for (const entry of entries) {
        const name = entry.name;
        const full = childPath(dir, name);
        const rel = relDir ? `${relDir}/${name}` : name;
        // The listing gives each entry's type: only files need a stat (for their size), and
        // entries of a file system that gives no type.
        let info: Stats | undefined;
        let isLink = entry.isSymbolicLink();
        let isDir = entry.isDirectory();
        if (!isLink && !isDir) {
          info = lstatOrUndefined(full);
          if (!info) continue;
          isLink = info.isSymbolicLink();
          isDir = info.isDirectory();
        }
        if (isLink) {
          const real = await realpath(full).catch(() => undefined);
          const target = real ? await stat(real).catch(() => undefined) : undefined;
          if (!real || !target) {
            if (!this.isIgnored(scoped, full, rel, false))
              yield { path: rel, size: 0, skipped: { kind: 'unreadable', reason: 'broken symbolic link' } };
            continue;
          }
          if (!isInside(real, boundary)) {
            if (!this.isIgnored(scoped, full, rel, target.isDirectory()))
              yield { path: rel, size: 0, skipped: OUTSIDE_ROOT };
            continue;
          }
          if (target.isDirectory() && ALWAYS_SKIPPED_DIRS.has(name)) continue;
          if (this.isIgnored(scoped, full, rel, target.isDirectory())) continue;
          if (target.isDirectory() || target.isFile())
            deferred.push({ full, rel, real, boundary, ignores: scoped });
          else yield { path: rel, size: 0, skipped: specialFile(target) };
          continue;
        }
        if (isDir) {
          if (ALWAYS_SKIPPED_DIRS.has(name) || this.isIgnored(scoped, full, rel, true)) continue;
          subdirs.push({ full, rel, real: childPath(realDir, name), boundary, ignores: scoped });
          continue;
        }
        if (this.isIgnored(scoped, full, rel, false)) continue;
        if (info!.isFile()) {
          const real = childPath(realDir, name);
          if (seenFiles.has(real)) continue;
          seenFiles.add(real);
          yield { path: rel, size: info!.size, repoPath: repoPathOf(rel) };
        } else yield { path: rel, size: 0, skipped: specialFile(info) };
      }
      // Pushed last first, so that the first is walked next.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
  }

  /** Links inside the boundary, after the walk: each real file and folder is read once. */
  private async *drain(
    deferred: Deferred[],
    seenFiles: Set<string>,
    visitedDirs: Set<string>,
    repoPathOf: (rel: string) => string,
  ): AsyncIterable<SourceEntry> {
    while (deferred.length > 0) {
      const link = deferred.shift()!;
      const info = await stat(link.real).catch(() => undefined);
      if (!info) continue;
      if (info.isDirectory()) {
        if ([...visitedDirs].some((d) => isInside(link.real, d))) continue;
        visitedDirs.add(link.real);
        yield* this.walk(link, deferred, seenFiles, visitedDirs, repoPathOf);
      } else if (info.isFile() && !seenFiles.has(link.real)) {
        seenFiles.add(link.real);
        yield { path: link.rel, size: info.size, repoPath: repoPathOf(link.rel) };
      }
    }
  }

  /** Ignore files exclude untracked files only, when git's list of tracked files is known. */
  private isIgnored(ignores: Ignores, full: string, rel: string, isDir: boolean): boolean {
    if (ignores.length === 0) return false;
    const tracked = this.trackedFiles();
    // git tracks a symbolic link as a file, whatever it points to.
    if (tracked && (tracked.files.has(rel) || (isDir && tracked.dirs.has(rel)))) return false;
    return isIgnored(ignores, full, isDir);
  }

  private trackedFiles(): Tracked | undefined {
    if (this.tracked === undefined) {
      const given = this.options.tracked;
      const files = typeof given === 'function' ? given() : given;
      const dirs = new Set<string>();
      for (const file of files ?? [])
        for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) dirs.add(file.slice(0, i));
      this.tracked = files ? { files, dirs } : null;
    }
    return this.tracked ?? undefined;
  }

  private rel(base: string, full: string): string {
    return relative(base, full).split(sep).join('/');
  }

  /**
   * Reads one listed file. Defence in depth: the real path is checked against the boundary again
   * (a file swapped for a link after listing is refused; a folder is resolved at its first read)
   * and only a regular file is read.
   */
  async read(path: string): Promise<Buffer> {
    const { dirs, rootReal } = await this.limits();
    const { base } = await this.targets();
    const full = await this.fullPathOf(path);
    // Fast path: the folder's real path once per scan, then the file itself opened without
    // following a link (O_NOFOLLOW); a link (ELOOP) goes the slow way, resolved and checked whole.
    const real = join(this.realFolderOf(dirname(full), base, rootReal), basename(full));
    if (dirs.some((d) => isInside(real, d, READABLE_SKIPPED_DIRS))) {
      try {
        return readRegularFileSync(real, constants.O_NOFOLLOW);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
      }
    }
    return readRegularFileSync(await this.resolveInside(path));
  }

  /**
   * Lists one folder with the boundaries of `read`: links are resolved and kept only when their
   * real path stays inside; FIFOs, sockets and devices are left out.
   */
  async listFolder(path: string): Promise<FolderEntry[]> {
    const { dirs, rootReal } = await this.limits();
    const { base } = await this.targets();
    const real = this.realFolderOf(await this.fullPathOf(path), base, rootReal);
    if (!dirs.some((d) => isInside(real, d, READABLE_SKIPPED_DIRS)))
      throw new Error('symbolic link to a path outside the scanned folder; not read');
    const out: FolderEntry[] = [];
    for (const entry of (await readdir(real, { withFileTypes: true })).sort(byName)) {
      const name = entry.name;
      const full = join(real, name);
      // In a real folder, only a link has another real path (Node looks up an unknown type).
      const linked = entry.isSymbolicLink() ? await realpath(full).catch(() => undefined) : full;
      if (!linked || !dirs.some((d) => isInside(linked, d, READABLE_SKIPPED_DIRS))) continue;
      const info = await stat(linked).catch(() => undefined);
      if (info?.isFile()) out.push({ name, kind: 'file', size: info.size });
      else if (info?.isDirectory()) out.push({ name, kind: 'folder', size: 0 });
    }
    return out;
  }

  /**
   * The real path of a folder at or under `base` (whose real path is `baseReal`), resolved at the
   * first read or listing in it. A folder whose parent is resolved costs one `lstat` when it is no
   * link (and a missing one fails there): a `realpath` reads every segment of the path again (a
   * `readlink` each, ~8 per folder of the corpus, as much time as opening the files, and most of
   * it for the `.terraform` folders Terraform modules look for). A link is resolved whole, and
   * the caller checks the result against the boundary.
   */
  private realFolderOf(folder: string, base: string, baseReal: string): string {
    const known = this.realFolders.get(folder);
    if (known !== undefined) return known;
    let real: string;
    if (folder === base) real = baseReal;
    else if (!folder.startsWith(base) || lstatSync(folder).isSymbolicLink())
      real = realpathSync.native(folder);
    else real = join(this.realFolderOf(dirname(folder), base, baseReal), basename(folder));
    this.realFolders.set(folder, real);
    return real;
  }

  /** The path on disk of a root-relative path (not resolved), refused when it names `..`. */
  private async fullPathOf(path: string): Promise<string> {
    const { base } = await this.targets();
    // Listed paths are plain (names joined by `/`): no need to split and normalise them.
    if (isPlainPath(path)) return childPath(base, path);
    const segments = path.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.some((s) => s === '..') || isAbsolute(path))
      throw new Error('path leaves the scanned folder');
    return join(base, ...segments);
  }

  /** The real path of a root-relative path, refused when it leaves the reading boundary. */
  private async resolveInside(path: string): Promise<string> {
    const { dirs } = await this.limits();
    const full = await this.fullPathOf(path);
    const real = realpathSync.native(full);
    if (!dirs.some((d) => isInside(real, d, READABLE_SKIPPED_DIRS)))
      throw new Error('symbolic link to a path outside the scanned folder; not read');
    return real;
  }
}

const OUTSIDE_ROOT = {
  kind: 'outside-root',
  reason: 'symbolic link to a path outside the scanned folder; not followed',
} as const;

function specialFile(info: Stats | undefined): NonNullable<SourceEntry['skipped']> {
  const what = !info
    ? 'not a regular file'
    : info.isFIFO()
      ? 'a named pipe (FIFO)'
      : info.isSocket()
        ? 'a socket'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return { kind: 'special-file', reason: `${what}; not read` };
}

/**
 * Is `path` inside `dir`, and not inside a folder no scan enters (`.git` holds the checkout's
 * credentials: a link to `.git/config` is refused like a link out of the root)?
 */
function isInside(path: string, dir: string, allowed: ReadonlySet<string> = NONE_ALLOWED): boolean {
  if (path === dir) return true;
  // Both are real paths, so normalised: under `dir`, the relative path is the rest of `path`.
  const rel =
    path.startsWith(dir) && path[dir.length] === sep && !dir.endsWith(sep)
      ? path.slice(dir.length + 1)
      : relative(dir, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  // A path holding none of the names has no segment that is one: no need to split it.
  if (!SKIPPED_DIR_NAMES.some((name) => rel.includes(name))) return true;
  return !rel.split(sep).some((segment) => ALWAYS_SKIPPED_DIRS.has(segment) && !allowed.has(segment));
}

/**
 * Opens without following a FIFO's wait (O_NONBLOCK), reads only a regular file, and only the size
 * it had when opened. Synchronous, like the walk: through the thread pool a read costs five hops
 * (realpath, open, stat, read, close) of 0.1–0.5 ms each, most of a large scan's read time; on a
 * local disk these calls take microseconds.
 */
function readRegularFileSync(real: string, flags = 0): Buffer {
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error('not a regular file; not read');
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, buffer, filled, info.size - filled, filled);
      if (n === 0) break; // truncated meanwhile: what was there
      filled += n;
    }
    return filled < info.size ? buffer.subarray(0, filled) : buffer;
  } finally {
    closeSync(fd);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'EACCES' ? 'permission denied' : (e.message ?? String(error));
}

/**
 * The repository path of each root-relative path: the root's own place in the repository (or on
 * disk, outside one) and the path, joined without `path.join` where the path is plain (it is built
 * from names read from the disk).
 */
function repoPathsUnder(rootReal: string, repoRoot: string | undefined): (rel: string) => string {
  const slow = (rel: string) =>
    (repoRoot ? relative(repoRoot, join(rootReal, rel)) : join(rootReal, rel).slice(1)).split(sep).join('/');
  const prefix = slow('');
  return (rel) => (rel === '' || rel.startsWith('..') ? slow(rel) : prefix ? `${prefix}/${rel}` : rel);
}

const NONE_ALLOWED: ReadonlySet<string> = new Set();
const SKIPPED_DIR_NAMES = [...ALWAYS_SKIPPED_DIRS];

/**
 * A root-relative path that `join` would leave as it is (on a system whose separator is `/`): not
 * absolute, no empty, `.` or `..` segment.
 */
function isPlainPath(path: string): boolean {
  return (
    sep === '/' &&
    path !== '' &&
    !path.startsWith('/') &&
    !path.endsWith('/') &&
    !path.includes('//') &&
    !DOT_SEGMENT.test(path)
  );
}
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** A name inside a normalised folder path, as `path.join` would give it (without normalising again). */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** Folder entries in the order `Array.sort` gives their names (UTF-16 code units). */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The text of a regular file (not a link, not a FIFO), or undefined. */
async function readRegularFile(path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > 1024 * 1024) return undefined;
  return readFile(path, 'utf8').catch(() => undefined);
}

/**
 * The nearest folder at or above `dir` holding `.git` (a work tree or a worktree's `.git` file),
 * or undefined. Pure file-system look-up: no git process.
 */
export function findRepositoryRootSync(dir: string): string | undefined {
  let current = dir;
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isIgnored(ignores: Ignores, full: string, isDir: boolean): boolean {
  for (const { base, rules } of ignores) {
    // The walk builds `full` under `base`: a slice, unless `base` is a file system root.
    const rel = full.startsWith(base + sep)
      ? full
          .slice(base.length + 1)
          .split(sep)
          .join('/')
      : relative(base, full).split(sep).join('/');
    if (rel && rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Files held in memory: tests, a commit read with `git show`, a repository tarball. */
export class MemoryFileSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  private readonly files: Map<string, Buffer>;

  constructor(
    files: Record<string, string | Buffer> | Map<string, string | Buffer>,
    readonly name: string = '.',
  ) {
    const entries = files instanceof Map ? [...files] : Object.entries(files);
    this.files = new Map(entries.map(([p, c]) => [p, typeof c === 'string' ? Buffer.from(c) : c]));
  }

  async *list(): AsyncIterable<SourceEntry> {
    for (const path of [...this.files.keys()].sort(compareWalkOrder))
      yield { path, size: this.files.get(path)!.length };
  }

  async read(path: string): Promise<Buffer> {
    const content = this.files.get(path);
    if (!content) throw new Error(`no such file: ${path}`);
    return content;
  }

  async listFolder(path: string): Promise<FolderEntry[]> {
    const prefix = path === '' || path === '.' ? '' : `${path.replace(/\/$/, '')}/`;
    const out = new Map<string, FolderEntry>();
    for (const [file, content] of this.files) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      if (!name) continue;
      out.set(
        name,
        rest.length ? { name, kind: 'folder', size: 0 } : { name, kind: 'file', size: content.length },
      );
    }
    if (prefix && out.size === 0) throw new Error(`no such folder: ${path}`);
    return [...out.values()].sort((a, b) => compareText(a.name, b.name));
  }
}
