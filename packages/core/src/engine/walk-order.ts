import { compareText } from '../compare-text.js';

/**
 * The order DiskFileSource lists a tree in: depth first, names in `compareText` order, a folder's
 * files before its subfolders. Sources that hold a listing rather than walk one (a commit read
 * from git, a repository tarball, files in memory) sort by it, so a rule that reports on the first
 * file of a group (a namespace without a default-deny NetworkPolicy) picks the same file whatever
 * the source: a pull request's base read from git and its head on disk agree, and `org scan`
 * agrees with `audit`. Sorted by plain path instead, `a/x/d.yaml` came before `a/m.yaml`, and the
 * finding moved file (new on every pull request, and fixed).
 */
export function compareWalkOrder(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (x[i] === y[i]) i++;
  const fileX = i === x.length - 1;
  const fileY = i === y.length - 1;
  if (fileX !== fileY) return fileX ? -1 : 1;
  return compareText(x[i] ?? '', y[i] ?? '');
}
