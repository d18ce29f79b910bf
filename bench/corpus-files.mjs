// The regular files under a folder, for the benchmarks that read the corpus themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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
 * The files under `dir` a language claims (by their path from `dir`, as a scan asks), within the
 * size limit: each path from `dir` and its text.
 */
export function claimedTexts(dir, claims) {
  return filesUnder(dir, (name, path) => claims(relative(dir, path)) && withinSizeLimit(name, path))
    .map((p) => relative(dir, p))
    .map((rel) => ({ rel, text: readFileSync(resolve(dir, rel), 'utf8') }));
}

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

/** The middle of some numbers (the upper one of the two middles for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each of `ways` (`[name, run]` pairs) once per round, which goes first alternating, so that
 * load and warm-up hit them alike: each way's wall and CPU milliseconds (this thread's process),
 * one per round.
 */
export function timeInterleaved(ways, rounds) {
  const times = Object.fromEntries(ways.map(([name]) => [name, { wall: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of round % 2 ? [...ways].reverse() : ways) {
      const started = performance.now();
      const used = process.cpuUsage();
      run();
      times[name].wall.push(performance.now() - started);
      const { user, system } = process.cpuUsage(used);
      times[name].cpu.push((user + system) / 1000);
    }
  }
  return times;
}

/**
 * Where two serialised results first part, with ~300 characters before and ~200 after on each
 * side, keyed by `names` (which way gave which), to print a difference readably.
 */
export function partAt(a, b, [first, second]) {
  let i = 0;
  while (a[i] === b[i]) i++;
  return {
    [first]: a.slice(Math.max(0, i - 300), i + 200),
    [second]: b.slice(Math.max(0, i - 300), i + 200),
  };
}

/** A shorter text that still differs (chunks deleted while `differs` says so), to show a difference. */
export function shrinkWhile(text, differs) {
  let out = text;
  for (let size = Math.ceil(out.length / 2); size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let at = 0; at + size <= out.length; ) {
      const shorter = out.slice(0, at) + out.slice(at + size);
      if (differs(shorter)) out = shorter;
      else at += size;
    }
  }
  return out;
}

/**
 * `count` texts made by `edit(text, random)` of files shorter than `under` characters, picked with
 * `random` (seeded, so a failure can be replayed): `{ rel: '<file>#<n>', text, base }` each.
 */
export function editedTexts(files, count, random, edit, under = 20_000) {
  const small = files.filter((f) => f.text.length < under);
  const out = [];
  for (let n = 0; n < count && small.length > 0; n++) {
    const base = small[Math.floor(random() * small.length)];
    out.push({ rel: `${base.rel}#${n}`, text: edit(base.text, random), base: base.rel });
  }
  return out;
}
