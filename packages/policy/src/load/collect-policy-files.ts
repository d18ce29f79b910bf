import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError, type FileSource } from '@plumbline/core';

// Finding policy files reads them and compiles nothing: the CLI imports this part of the package
// (`@plumbline/policy/find`) on every audit, and the CEL compiler only when files are found.

/** Policies of a repository live here (read through the scan's FileSource). */
export const POLICY_DIR = '.plumbline/policies/';
const POLICY_FILE = /\.ya?ml$/;
const TEST_FILE = /\.test\.ya?ml$/;

export function isPolicyPath(path: string): boolean {
  return path.startsWith(POLICY_DIR) && POLICY_FILE.test(path) && !TEST_FILE.test(path);
}

export interface PolicyFileText {
  /** As shown in messages and linked from findings. */
  file: string;
  text: string;
}

export interface LoadPoliciesOptions {
  /** The scan's files: `.plumbline/policies/**` under its root. */
  source?: FileSource;
  /** Entries of `policies:` in `.plumbline.yaml`: files, folders, or npm package names. */
  configured?: string[];
  /** Folder the `policies:` entries are relative to (the config file's). */
  configDir?: string;
  /** The scanned root, to show paths relative to it. */
  root?: string;
}

/** Every policy file of a run: the repository's own, then the configured ones. */
export async function collectPolicyFiles(options: LoadPoliciesOptions): Promise<PolicyFileText[]> {
  const out: PolicyFileText[] = [];
  if (options.source) {
    for (const path of await repositoryPolicyPaths(options.source)) {
      out.push({ file: path, text: (await options.source.read(path)).toString('utf8') });
    }
  }
  for (const entry of options.configured ?? []) {
    for (const path of configuredFiles(entry, options.configDir ?? process.cwd())) {
      out.push({ file: displayPath(path, options.root), text: readFileSync(path, 'utf8') });
    }
  }
  return out;
}

/**
 * The policy files under `.plumbline/policies/`, sorted. A source that can list one folder is asked
 * for that folder only: walking a whole repository to find it costs more than the scan of one file.
 */
async function repositoryPolicyPaths(source: FileSource): Promise<string[]> {
  if (!source.listFolder) {
    const out: string[] = [];
    for await (const entry of source.list()) if (isPolicyPath(entry.path)) out.push(entry.path);
    return out;
  }
  const listFolder = source.listFolder.bind(source);
  const walkFolder = async (folder: string): Promise<string[]> => {
    const entries = await listFolder(folder).catch(() => []); // no such folder: no policies
    const out: string[] = [];
    for (const entry of entries) {
      const path = `${folder}/${entry.name}`;
      if (entry.kind === 'folder') out.push(...(await walkFolder(path)));
      else if (isPolicyPath(path)) out.push(path);
    }
    return out;
  };
  return (await walkFolder(POLICY_DIR.slice(0, -1))).sort();
}

/** A `policies:` entry: a file, a folder (its *.yaml, recursively, tests excluded), or a package. */
function configuredFiles(entry: string, base: string): string[] {
  const looksLikePath =
    entry.startsWith('.') || entry.startsWith('/') || isAbsolute(entry) || POLICY_FILE.test(entry);
  let target = resolve(base, entry);
  if (!looksLikePath || !existsSync(target)) {
    const pkg = packageDir(entry, base);
    if (!pkg)
      throw new ConfigError(`policies: "${entry}" is neither a file, a folder nor an installed package`);
    target = existsSync(join(pkg, 'policies')) ? join(pkg, 'policies') : pkg;
  }
  if (statSync(target).isFile()) return [target];
  return walk(target);
}

function packageDir(name: string, base: string): string | undefined {
  try {
    return dirname(createRequire(join(base, 'noop.js')).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.git')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (POLICY_FILE.test(name) && !TEST_FILE.test(name)) out.push(full);
  }
  return out;
}

function displayPath(path: string, root: string | undefined): string {
  if (!root) return path;
  const rel = relative(statSync(root).isDirectory() ? root : dirname(root), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
