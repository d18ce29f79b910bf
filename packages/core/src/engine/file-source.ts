import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface SourceEntry {
  /** Path relative to the root, posix separators. */
  path: string;
  size: number;
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
  /** Problems met while listing (symlink loops, unreadable folders). */
  readonly warnings: { path: string; message: string }[];
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.terraform', '.turbo', '.hg', '.svn']);

/** A directory on disk, walked honouring `.gitignore` files at every level. */
export class DiskFileSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];

  constructor(
    readonly root: string,
    readonly name: string = '.',
  ) {}

  async *list(): AsyncIterable<SourceEntry> {
    const rootStat = await stat(this.root);
    if (rootStat.isFile()) {
      // A single file was given: list it under its own name.
      yield { path: this.root.split(sep).pop()!, size: rootStat.size };
      return;
    }
    yield* this.walk(this.root, [], new Set([await realpath(this.root)]));
  }

  private async *walk(
    dir: string,
    ignores: { base: string; rules: Ignore }[],
    seen: Set<string>,
  ): AsyncIterable<SourceEntry> {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      this.warnings.push({
        path: this.rel(dir),
        message: `cannot read directory: ${(error as Error).message}`,
      });
      return;
    }
    let scoped = ignores;
    if (names.includes('.gitignore')) {
      try {
        const rules = ignore().add(await readFile(join(dir, '.gitignore'), 'utf8'));
        scoped = [...ignores, { base: dir, rules }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    for (const name of names) {
      const full = join(dir, name);
      let info = await lstat(full).catch(() => undefined);
      if (!info) continue;
      const isLink = info.isSymbolicLink();
      if (isLink) {
        info = await stat(full).catch(() => undefined);
        if (!info) continue; // dangling link
      }
      const isDir = info.isDirectory();
      if (isDir && ALWAYS_SKIPPED_DIRS.has(name)) continue;
      if (isIgnored(scoped, full, isDir)) continue;
      if (isDir) {
        const real = await realpath(full).catch(() => full);
        if (seen.has(real)) {
          this.warnings.push({
            path: this.rel(full),
            message: 'symbolic link loop: directory already visited',
          });
          continue;
        }
        yield* this.walk(full, scoped, new Set([...seen, real]));
      } else if (info.isFile()) {
        yield { path: this.rel(full), size: info.size };
      }
    }
  }

  private rel(full: string): string {
    return relative(this.root, full).split(sep).join('/');
  }

  async read(path: string): Promise<Buffer> {
    const rootStat = await stat(this.root);
    return readFile(rootStat.isFile() ? this.root : join(this.root, ...path.split('/')));
  }
}

function isIgnored(ignores: { base: string; rules: Ignore }[], full: string, isDir: boolean): boolean {
  for (const { base, rules } of ignores) {
    const rel = relative(base, full).split(sep).join('/');
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
    for (const path of [...this.files.keys()].sort()) yield { path, size: this.files.get(path)!.length };
  }

  async read(path: string): Promise<Buffer> {
    const content = this.files.get(path);
    if (!content) throw new Error(`no such file: ${path}`);
    return content;
  }
}
