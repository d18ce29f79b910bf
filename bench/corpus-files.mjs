// The regular files under a folder, for the benchmarks that read the corpus themselves.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Paths of the regular files under `dir` whose name and path pass `keep`, depth first. */
export function filesUnder(dir, keep = () => true) {
  const paths = [];
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && keep(e.name, p)) paths.push(p);
    }
  })(dir);
  return paths;
}

/** Files over the engine's default size limit (5 MiB) are left out, as a scan leaves them. */
export const withinSizeLimit = (_name, path) => statSync(path).size <= 5 * 1024 * 1024;
