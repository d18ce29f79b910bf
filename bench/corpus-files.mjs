// The regular files under a folder, for the benchmarks that read the corpus themselves.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The arguments of the differential benches (a hand-written reader against the reference):
 * `[dir] [--rounds 3] [--fuzz 2000] [--seed 1]` and any other `--flag value` in `valueFlags`
 * (read with `flagValue`). `dir` defaults to ../shared/corpus.
 */
export function differentialArgs(argv, valueFlags = []) {
  const flagValue = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const values = new Set(['--rounds', '--fuzz', '--seed', ...valueFlags].map(flagValue).filter(Boolean));
  const dir = resolve(
    argv.find((a) => !a.startsWith('--') && !values.has(a)) ??
      fileURLToPath(new URL('../../shared/corpus', import.meta.url)),
  );
  return {
    dir,
    rounds: Number(flagValue('--rounds') ?? 3),
    fuzzCount: Number(flagValue('--fuzz') ?? 2000),
    seed: Number(flagValue('--seed') ?? 1),
    flagValue,
  };
}
