import { posix } from 'node:path';
import { type ParseResult, type PrepareIO, type Project, parseLoading, SourceFile } from '@plumbline/core';
import {
  type Body,
  type DownloadedModule,
  type Expr,
  type HclFile,
  hclLanguage,
  type ModuleOptions,
  readPath,
  TfModule,
} from '@plumbline/lang-hcl';

/** What the Terraform domain reads before its modules are built. */
export type TerraformSources = Pick<ModuleOptions, 'downloaded' | 'readFiles'>;

export const SOURCES_KEY = 'terraform.sources';

/**
 * Budgets: a `modules.json` lists a few dozen modules; policies and user data are small files.
 * Each counts per root module folder (downloads) or per module folder (`file()` reads), never per
 * run: what one module reads must not depend on the others scanned with it (another thread may
 * check those).
 */
const MAX_MODULES_JSON = 1024 * 1024;
const MAX_MODULES_PER_INIT = 128;
const MAX_MODULE_FILE = 1024 * 1024;
const MAX_MODULE_FILES = 64;
const MAX_DOWNLOADED_BYTES = 16 * 1024 * 1024;
const MAX_READ_FILE = 256 * 1024;
const MAX_READ_FILES = 512;

/**
 * Reads, through the engine's FileSource, what evaluation needs beyond the discovered files:
 * the module sources `terraform init` downloaded (listed by `.terraform/modules/modules.json`
 * next to a root module) and the files `file()`/`templatefile()` read. Nothing is fetched; a read
 * that fails leaves the value unknown; a downloaded file that does not parse is a run error, and
 * its module is then left to the registry-module tables.
 */
export async function prepareTerraform(project: Project, io: PrepareIO): Promise<void> {
  const files = project.byLanguage<HclFile>('hcl').map((f) => f.model);
  const configByDir = new Map<string, HclFile[]>();
  for (const f of files) {
    if (f.kind !== 'hcl' && f.kind !== 'json') continue;
    const dir = dirOf(f.file.path);
    configByDir.set(dir, [...(configByDir.get(dir) ?? []), f]);
  }
  const downloaded = new Map<string, Map<string, DownloadedModule>>();
  for (const dir of [...configByDir.keys()].sort()) {
    const modules = await readDownloadedModules(dir, io, { bytes: MAX_DOWNLOADED_BYTES });
    if (modules.size > 0) downloaded.set(dir, modules);
  }
  const readFiles = await readFileTargets(configByDir, downloaded, io);
  project.memo<TerraformSources>(SOURCES_KEY, () => ({ downloaded, readFiles }));
}

function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

const join = (dir: string, rel: string) => (dir ? `${dir}/${rel}` : rel);

interface ModulesJsonEntry {
  Key?: unknown;
  Source?: unknown;
  Version?: unknown;
  Dir?: unknown;
}

async function readDownloadedModules(
  initDir: string,
  io: PrepareIO,
  budget: { bytes: number },
): Promise<Map<string, DownloadedModule>> {
  const out = new Map<string, DownloadedModule>();
  const manifestPath = join(initDir, '.terraform/modules/modules.json');
  const text = await io.readText(manifestPath, MAX_MODULES_JSON);
  if (text === undefined) return out;
  let entries: ModulesJsonEntry[];
  try {
    const parsed = JSON.parse(text) as { Modules?: unknown };
    entries = Array.isArray(parsed.Modules) ? (parsed.Modules as ModulesJsonEntry[]) : [];
  } catch (error) {
    io.error({ kind: 'parse', file: manifestPath, message: `invalid JSON: ${(error as Error).message}` });
    return out;
  }
  const downloads = join(initDir, '.terraform/modules/');
  for (const entry of entries.slice(0, MAX_MODULES_PER_INIT)) {
    const { Key: key, Source: source, Version: version, Dir: rel } = entry;
    if (typeof key !== 'string' || !key || typeof source !== 'string' || typeof rel !== 'string') continue;
    // Local sources of the root are read as local modules; only what init downloaded is read here.
    const dir = readPath(rel, initDir);
    if (!dir?.startsWith(downloads)) continue;
    const moduleFiles = await readModuleFiles(dir, io, budget);
    if (!moduleFiles) continue;
    out.set(key, {
      key,
      source,
      ...(typeof version === 'string' && version ? { version } : {}),
      dir,
      files: moduleFiles,
    });
  }
  return out;
}

/** The parsed `.tf`/`.tf.json` files of a downloaded module, or undefined when one of them does not parse. */
async function readModuleFiles(
  dir: string,
  io: PrepareIO,
  budget: { bytes: number },
): Promise<HclFile[] | undefined> {
  const listing = await io.listFolder(dir);
  if (!listing) return undefined;
  const names = listing
    .filter((e) => e.kind === 'file' && /\.tf(\.json)?$/i.test(e.name))
    .slice(0, MAX_MODULE_FILES)
    .map((e) => e.name);
  const out: HclFile[] = [];
  let broken = false;
  for (const name of names) {
    const path = `${dir}/${name}`;
    const text =
      budget.bytes > 0 ? await io.readText(path, Math.min(MAX_MODULE_FILE, budget.bytes)) : undefined;
    if (text === undefined) {
      io.error({
        kind: 'unreadable',
        file: path,
        message: 'downloaded module file not read (missing, binary or too large)',
      });
      broken = true;
      continue;
    }
    budget.bytes -= text.length;
    const file = new SourceFile(path, text);
    let result: ParseResult<HclFile>;
    try {
      // Loads the grammar if this file needs it (the engine's parse stage may not have).
      result = await parseLoading(hclLanguage, file);
    } catch (error) {
      // Nested past the parser's limit, or a grammar that could not be loaded.
      io.error({
        kind: 'parse',
        file: path,
        message: `downloaded module not evaluated: ${error instanceof Error ? error.message : String(error)}`,
      });
      broken = true;
      continue;
    }
    const problem = result.problems[0];
    if (result.model === undefined || problem) {
      const at = problem ? file.position(problem.loc.start) : undefined;
      io.error({
        kind: 'parse',
        file: path,
        ...(at ? { line: at.line, column: at.column } : {}),
        message: `downloaded module not evaluated: ${problem?.message ?? 'not a Terraform file'}`,
      });
      broken = true;
      continue;
    }
    out.push(result.model);
  }
  return broken || out.length === 0 ? undefined : out;
}

/**
 * Reads the files `file()` and `templatefile()` calls name, where the path is known from the
 * module alone (`"${path.module}/policy.json"`, a local, a variable's default): the module is
 * taken as a root (`path.root` is its folder), which is what most calls need. Kept by the folder
 * whose calls name them (see `ModuleOptions.readFiles`); a file named by several is read once.
 */
async function readFileTargets(
  configByDir: ReadonlyMap<string, HclFile[]>,
  downloaded: ReadonlyMap<string, ReadonlyMap<string, DownloadedModule>>,
  io: PrepareIO,
): Promise<Map<string, Map<string, SourceFile>>> {
  const groups: [string, HclFile[]][] = [...configByDir];
  for (const modules of downloaded.values()) for (const m of modules.values()) groups.push([m.dir, m.files]);
  const read = new Map<string, SourceFile | undefined>();
  const out = new Map<string, Map<string, SourceFile>>();
  for (const [dir, files] of groups) {
    const calls: Expr[] = [];
    for (const f of files) collectReadCalls(f.body, calls);
    if (calls.length === 0) continue;
    const module = new TfModule(dir, files);
    const wanted = new Set<string>();
    for (const call of calls) {
      const arg = call.kind === 'call' ? call.args[0] : undefined;
      const value = arg ? module.eval(arg) : undefined;
      const path = typeof value === 'string' ? readPath(value, dir) : undefined;
      if (path) wanted.add(path);
    }
    const mine = new Map<string, SourceFile>();
    for (const path of [...wanted].sort().slice(0, MAX_READ_FILES)) {
      if (!read.has(path)) {
        const text = await io.readText(path, MAX_READ_FILE);
        read.set(path, text === undefined ? undefined : new SourceFile(path, text));
      }
      const file = read.get(path);
      if (file) mine.set(path, file);
    }
    if (mine.size > 0) out.set(dir, mine);
  }
  return out;
}

function collectReadCalls(body: Body, out: Expr[]): void {
  for (const a of body.attributes) collectInExpr(a.expr, out);
  for (const b of body.blocks) collectReadCalls(b, out);
}

function collectInExpr(expr: Expr, out: Expr[]): void {
  switch (expr.kind) {
    case 'call':
      if (expr.name === 'file' || expr.name === 'templatefile') out.push(expr);
      for (const a of expr.args) collectInExpr(a, out);
      return;
    case 'template':
      for (const p of expr.parts) if (typeof p !== 'string') collectInExpr(p, out);
      return;
    case 'tuple':
      for (const i of expr.items) collectInExpr(i, out);
      return;
    case 'object':
      for (const i of expr.items) {
        collectInExpr(i.key, out);
        collectInExpr(i.value, out);
      }
      return;
    case 'get':
      collectInExpr(expr.target, out);
      return;
    case 'conditional':
      collectInExpr(expr.cond, out);
      collectInExpr(expr.whenTrue, out);
      collectInExpr(expr.whenFalse, out);
      return;
    case 'binary':
      collectInExpr(expr.left, out);
      collectInExpr(expr.right, out);
      return;
    case 'unary':
      collectInExpr(expr.operand, out);
      return;
    case 'for':
      collectInExpr(expr.collection, out);
      collectInExpr(expr.value, out);
      if (expr.key) collectInExpr(expr.key, out);
      if (expr.cond) collectInExpr(expr.cond, out);
      return;
    default:
      return;
  }
}
