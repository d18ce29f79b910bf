import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  ALWAYS_SKIPPED_DIRS,
  compareText,
  compareWalkOrder,
  type FileSource,
  type FolderEntry,
  READABLE_SKIPPED_DIRS,
  type SourceEntry,
} from '@plumbline/core';

const execFileAsync = promisify(execFile);

/** Runs git in `cwd` and returns stdout; the error names the command and git's own message. */
export async function git(
  cwd: string,
  args: string[],
  options: { maxBuffer?: number } = {},
): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, {
      cwd,
      maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const detail = (e.stderr ?? '').trim().split('\n').slice(-1)[0] || e.message;
    throw new Error(`git ${args[0]} failed: ${detail}`);
  }
}

/**
 * A revision that came from a user, an event payload or a file must never reach git as an
 * option (`--upload-pack=…` runs a command): refuse a leading `-`, whitespace and control
 * characters. Callers also put `--end-of-options` before every revision.
 */
export function assertRevision(rev: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!rev || rev.startsWith('-') || /[\s\u0000-\u001f\u007f]/.test(rev) || rev.includes('..'))
    throw new Error(`not a valid git revision: ${JSON.stringify(rev)}`);
  return rev;
}

export async function hasCommit(cwd: string, rev: string): Promise<boolean> {
  try {
    await git(cwd, ['cat-file', '-e', '--end-of-options', `${assertRevision(rev)}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The commit a ref or SHA names, or undefined. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  try {
    return (
      (
        await git(cwd, [
          'rev-parse',
          '--verify',
          '--quiet',
          '--end-of-options',
          `${assertRevision(rev)}^{commit}`,
        ])
      ).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * Makes sure a commit is present, fetching it from the remote when the clone is shallow or the
 * commit is on another branch (`actions/checkout` keeps one commit by default). Only objects are
 * fetched; the working tree is never touched.
 */
export async function ensureCommit(
  cwd: string,
  rev: string,
  options: { remote?: string; depth?: number } = {},
): Promise<string> {
  const present = await resolveCommit(cwd, rev);
  if (present) return present;
  const remote = options.remote ?? (await defaultRemote(cwd));
  if (!remote) throw new Error(`commit ${rev} is not in this clone and there is no remote to fetch it from`);
  const args = ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head'];
  if (options.depth !== undefined) args.push(`--depth=${options.depth}`);
  await git(cwd, [...args, '--end-of-options', remote, assertRevision(rev)]);
  const fetched = await resolveCommit(cwd, rev);
  if (!fetched) throw new Error(`commit ${rev} could not be fetched from ${remote}`);
  return fetched;
}

async function defaultRemote(cwd: string): Promise<string | undefined> {
  const remotes = (await git(cwd, ['remote'])).split('\n').filter(Boolean);
  return remotes.includes('origin') ? 'origin' : remotes[0];
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** Parents of a commit, read from the commit object itself (works in a shallow clone). */
export async function parentsOf(cwd: string, rev: string): Promise<string[]> {
  const text = await git(cwd, ['cat-file', 'commit', '--end-of-options', assertRevision(rev)]);
  const parents: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') break;
    if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
  }
  return parents;
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (
      (await git(cwd, ['merge-base', '--end-of-options', assertRevision(a), assertRevision(b)])).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * The merge base of two commits, deepening a shallow clone step by step until it shows up
 * (`actions/checkout` fetches one commit by default, which hides where a branch left its base).
 */
export async function findMergeBase(
  cwd: string,
  a: string,
  b: string,
  steps = [50, 500, 5000],
): Promise<string | undefined> {
  const found = await mergeBase(cwd, a, b);
  if (found || !(await isShallow(cwd))) return found;
  const remote = await defaultRemote(cwd);
  if (!remote) return undefined;
  for (const depth of steps) {
    try {
      await git(cwd, [
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-write-fetch-head',
        `--deepen=${depth}`,
        '--end-of-options',
        remote,
        assertRevision(a),
        assertRevision(b),
      ]);
    } catch {
      return undefined;
    }
    const base = await mergeBase(cwd, a, b);
    if (base || !(await isShallow(cwd))) return base;
  }
  return undefined;
}

/** Top of the work tree and the scanned root's path inside it (`''` or `infra/`). */
export interface RepoLayout {
  topLevel: string;
  prefix: string;
}

/** Where `root` sits in its git work tree; fails outside one. */
export async function repoLayout(root: string): Promise<RepoLayout> {
  // One git process for both: each start costs a fork of the (large) scanning process.
  const [topLevel = '', prefix = ''] = (
    await git(root, ['rev-parse', '--show-toplevel', '--show-prefix'])
  ).split('\n');
  return { topLevel, prefix };
}

/**
 * Files renamed between `base` and the work tree (or `head`), as base path → head path, both
 * relative to the repository top. Used so a moved file keeps its findings' fingerprints.
 */
export async function renamesSince(cwd: string, base: string, head?: string): Promise<Map<string, string>> {
  const args = [
    'diff',
    '-z',
    '--name-status',
    '-M',
    '--diff-filter=R',
    '--end-of-options',
    assertRevision(base),
  ];
  if (head) args.push(assertRevision(head));
  const out = await git(cwd, [...args, '--']);
  const parts = out.split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i + 2 < parts.length; ) {
    const status = parts[i]!;
    if (status.startsWith('R')) {
      renames.set(parts[i + 1]!, parts[i + 2]!);
      i += 3;
    } else i += 2;
  }
  return renames;
}

export interface GitFileSourceOptions {
  /** Any directory inside the repository. */
  cwd: string;
  commit: string;
  /** Only files under this folder (repository-relative, `infra/`), listed relative to it. */
  prefix?: string;
  /** base path → head path (repository-relative): list base files under their head names. */
  renames?: Map<string, string>;
  name?: string;
  /**
   * Where to read the folders a scan never lists but a domain reads (`.terraform/`, what
   * `terraform init` downloaded) when the commit does not hold them (it rarely does): the work
   * tree. Without it the base of a pull request had none of the modules its head was evaluated
   * with, and every finding in them was new. What the commit holds is read from the commit.
   */
  environment?: FileSource;
}

/**
 * The files of one commit, read from git's object store (`git ls-tree` + `git cat-file --batch`):
 * scanning a pull request's base needs no checkout and leaves the work tree alone.
 * Symbolic links and submodules are skipped. Call `close()` when done.
 */
export class GitFileSource implements FileSource {
  readonly warnings: { path: string; message: string }[] = [];
  readonly name: string;
  private entries?: Map<string, { blob: string; size: number }>;
  /** The commit's files in folders scans never list but domains read (`.terraform/`): read, not listed. */
  private readonly readable = new Map<string, { blob: string; size: number }>();
  private reader?: BatchReader;

  constructor(private readonly options: GitFileSourceOptions) {
    this.name = options.name ?? '.';
  }

  private async load(): Promise<Map<string, { blob: string; size: number }>> {
    if (this.entries) return this.entries;
    const out = await git(this.options.cwd, [
      'ls-tree',
      '-r',
      '-z',
      '--long',
      '--full-tree',
      '--end-of-options',
      assertRevision(this.options.commit),
    ]);
    const prefix = this.options.prefix ?? '';
    const renames = this.options.renames ?? new Map<string, string>();
    const renamedAway = new Set(renames.values());
    const entries = new Map<string, { blob: string; size: number }>();
    for (const record of out.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, blob, size] = record.slice(0, tab).split(/\s+/);
      const repoPath = record.slice(tab + 1);
      if (type !== 'blob' || mode === '120000' || !blob) continue;
      // A renamed file is listed under its new name; a new file at the old name does not shadow it.
      const headPath = renames.get(repoPath) ?? repoPath;
      if (!renames.has(repoPath) && renamedAway.has(repoPath)) continue;
      if (!headPath.startsWith(prefix)) continue;
      const path = headPath.slice(prefix.length);
      const segments = path.split('/');
      if (segments.some((segment) => ALWAYS_SKIPPED_DIRS.has(segment))) {
        if (segments.every((s) => !ALWAYS_SKIPPED_DIRS.has(s) || READABLE_SKIPPED_DIRS.has(s)))
          this.readable.set(path, { blob, size: Number(size) });
        continue;
      }
      entries.set(path, { blob, size: Number(size) });
    }
    // In the order a walk of the work tree lists them (the head's), so both sides agree on firsts.
    this.entries = new Map([...entries].sort(([a], [b]) => compareWalkOrder(a, b)));
    return this.entries;
  }

  async *list(): AsyncIterable<SourceEntry> {
    for (const [path, { size }] of await this.load()) yield { path, size };
  }

  async read(path: string): Promise<Buffer> {
    const entries = await this.load();
    const downloads = inEnvironment(path);
    const entry = (downloads ? this.readable : entries).get(path);
    if (!entry && downloads && this.options.environment) return this.options.environment.read(path);
    if (!entry) throw new Error(`no such file in ${this.options.commit.slice(0, 12)}: ${path}`);
    this.reader ??= new BatchReader(this.options.cwd);
    return this.reader.read(entry.blob);
  }

  /** The commit's files and folders directly in `path` (`''`: the root), or the environment's. */
  async listFolder(path: string): Promise<FolderEntry[]> {
    const folder = path === '.' ? '' : path.replace(/\/$/, '');
    const entries = await this.load();
    const prefix = folder ? `${folder}/` : '';
    const { environment } = this.options;
    const held = inEnvironment(folder) ? this.readable : entries;
    // A downloads folder the commit does not hold is the work tree's.
    if (held === this.readable && !holdsUnder(held, prefix)) {
      if (!environment?.listFolder) throw new Error(`not in ${this.options.commit.slice(0, 12)}: ${path}`);
      return environment.listFolder(folder);
    }
    const out = new Map<string, FolderEntry>();
    for (const [file, { size }] of held) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (!out.has(name))
        out.set(name, slash < 0 ? { name, kind: 'file', size } : { name, kind: 'folder', size: 0 });
    }
    if (prefix && out.size === 0)
      throw new Error(`no such folder in ${this.options.commit.slice(0, 12)}: ${path}`);
    return [...out.values()].sort((a, b) => compareText(a.name, b.name));
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/** Whether any path of `files` starts with `prefix`. */
function holdsUnder(files: ReadonlyMap<string, unknown>, prefix: string): boolean {
  for (const file of files.keys()) if (file.startsWith(prefix)) return true;
  return false;
}

/** A path inside a folder that scans never list but domains read (`.terraform/`). */
function inEnvironment(path: string): boolean {
  return path.split('/').some((segment) => READABLE_SKIPPED_DIRS.has(segment));
}

/** One long-lived `git cat-file --batch`: a blob per request, answered in order. */
class BatchReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly queue: { blob: string; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private failure?: Error;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: { ...process.env, LC_ALL: 'C' } });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    this.child.on('error', (error) => this.fail(error));
    this.child.on('exit', (code) => {
      if (this.queue.length) this.fail(new Error(`git cat-file exited with ${code}`));
    });
    this.child.stdin.on('error', (error) => this.fail(error));
  }

  read(blob: string): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ blob, resolve, reject });
      this.child.stdin.write(`${blob}\n`);
    });
  }

  private drain(): void {
    while (this.queue.length) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const request = this.queue[0]!;
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        request.reject(new Error(`object ${request.blob} is missing`));
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < newline + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      request.resolve(content);
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const request of this.queue.splice(0)) request.reject(error);
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** Repository-relative paths of the files that differ between `base` and `head` (default: the work tree's HEAD). */
export async function changedFilesSince(cwd: string, base: string, head = 'HEAD'): Promise<Set<string>> {
  const out = await git(cwd, ['diff', '-z', '--name-only', '--no-renames', base, head, '--']);
  return new Set(out.split('\0').filter(Boolean));
}
