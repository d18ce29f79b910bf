import { lstatSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** What `audit <paths..>` scans: a root folder and, when paths were named, exactly those paths in it. */
export interface ScanTargets {
  /** The folder finding paths are relative to (and where config lookup starts). */
  root: string;
  /** The named paths relative to `root` (posix); undefined when one folder is the whole scan. */
  paths?: string[];
}

/**
 * One folder is the root itself. Anything else (files, several paths) is scanned from the current
 * folder when every path is inside it, otherwise from the deepest folder holding them all; only
 * the named files and folders are read, never re-expanded as globs. A path that does not exist is
 * a usage error (the caller's UsageError), reported with the spelling the user typed.
 */
export function resolveTargets(
  paths: readonly string[],
  cwd: string,
  fail: (message: string) => never,
): ScanTargets {
  const named = paths.length > 0 ? paths : ['.'];
  const absolute = named.map((p) => {
    const full = resolve(cwd, p);
    const info = lstatSync(full, { throwIfNoEntry: false });
    if (!info) fail(`no such file or directory: ${p}`);
    return full;
  });
  const unique = [...new Set(absolute)];
  if (unique.length === 1 && isDirectory(unique[0]!)) return { root: unique[0]! };
  const root = unique.every((p) => isInside(p, cwd))
    ? cwd
    : unique.map((p) => (isDirectory(p) ? p : dirname(p))).reduce(commonAncestor);
  return {
    root,
    paths: unique.map((p) => relative(root, p).split(sep).join('/')),
  };
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function commonAncestor(a: string, b: string): string {
  let dir = a;
  while (!isInside(b, dir)) dir = dirname(dir);
  return dir;
}
