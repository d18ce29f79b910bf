// What the YAML differential benches (yaml-lexer.mjs, yaml-parser.mjs) share: the corpus files with
// whether a scan parses them, the report of a comparison, the seeded random edits, timing rows,
// and yamlLanguage.parse built from another ref against this tree. Build first (`npx tsc -b packages/lang-yaml`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SourceFile } from '@plumbline/core';
import { build } from 'esbuild';
import { readPlan } from '../packages/lang-yaml/dist/language.js';
import { randomEdits, seeded } from '../packages/lang-yaml/dist/native-lexer/random-edits.js';
import { editedTexts, filesUnder, median, timeInterleaved, withinSizeLimit } from './corpus-files.mjs';

/** Every `.yaml`/`.yml` file of `dir` within the size limit: `{ rel, text, parsed }` (`readPlan`: a scan parses it). */
export function yamlCorpusFiles(dir) {
  return filesUnder(dir, (name, path) => /\.ya?ml$/i.test(name) && withinSizeLimit(name, path)).map((p) => {
    const rel = relative(dir, p).split('\\').join('/');
    const text = readFileSync(p, 'utf8');
    let parsed = false;
    try {
      parsed = !('result' in readPlan(new SourceFile(rel, text, { repoPath: rel })));
    } catch {}
    return { rel, text, parsed };
  });
}

const mbOf = (texts) => +(texts.reduce((n, f) => n + f.text.length, 0) / 1048576).toFixed(1);

/** Times `ways` (name → function of one file) over `texts`, interleaved, `rounds` times; one row per way. */
export function timeRows(rounds, what, texts, ways) {
  const times = timeInterleaved(
    ways.map(([name, run]) => [
      name,
      () => {
        for (const file of texts) run(file);
      },
    ]),
    rounds,
  );
  return ways.map(([name]) => ({
    what,
    way: name,
    files: texts.length,
    mb: mbOf(texts),
    msPerRound: Math.round(median(times[name].wall)),
    cpuMsPerRound: Math.round(median(times[name].cpu)),
    rounds: times[name].wall.map(Math.round).join(' '),
  }));
}

/**
 * Rows timing `yamlLanguage.parse` over the files of `dir` it claims, built from `before` (default:
 * the merge base with main) and from this tree, both bundled by esbuild the same way (yaml and core
 * left outside) into ./tmp/<name>/.
 */
export async function languageParseRows({ root, dir, rounds, before: ref, name }) {
  const before =
    ref ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: root, encoding: 'utf8' }).trim();
  const out = join(root, 'tmp', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'before'), { recursive: true });
  const archive = execFileSync('git', ['archive', before, 'packages/lang-yaml/src'], { cwd: root });
  execFileSync('tar', ['-x', '-C', join(out, 'before')], { input: archive });
  const bundle = async (entry, file) => {
    await build({
      entryPoints: [entry],
      outfile: join(out, `${file}.mjs`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    return (await import(join(out, `${file}.mjs`))).yamlLanguage;
  };
  const beforeLanguage = await bundle(join(out, 'before', 'packages/lang-yaml/src/index.ts'), 'before');
  const afterLanguage = await bundle(join(root, 'packages/lang-yaml/src/index.ts'), 'after');
  const claimed = filesUnder(dir, withinSizeLimit)
    .map((p) => relative(dir, p).split('\\').join('/'))
    .filter((rel) => afterLanguage.claims(rel))
    .map((rel) => ({ rel, text: readFileSync(join(dir, rel), 'utf8') }));
  const parseWith =
    (language) =>
    ({ rel, text }) => {
      try {
        language.parse(new SourceFile(rel, text, { repoPath: rel }));
      } catch {}
    };
  return timeRows(rounds, 'yamlLanguage.parse', claimed, [
    [`before (${before.slice(0, 7)})`, parseWith(beforeLanguage)],
    ['after (this tree)', parseWith(afterLanguage)],
  ]);
}

/**
 * Counts `results` (`{ rel, text, result }`, result `{ native: true }`, `{ reason }` or `{ differs }`)
 * and prints them: read natively (`same` says what was the same) with their share of the bytes,
 * given up by reason. The first differing text is printed by `describe(rel, text, differs)` and
 * the process exits 1.
 */
export function reportComparison(label, results, same, describe) {
  let native = 0;
  let bytes = 0;
  let nativeBytes = 0;
  const reasons = new Map();
  for (const { rel, text, result } of results) {
    bytes += text.length;
    if (result.differs) {
      console.error(`${label}: differs: ${describe(rel, text, result.differs)}`);
      process.exit(1);
    }
    if (result.native) {
      native++;
      nativeBytes += text.length;
    } else {
      const entry = reasons.get(result.reason) ?? { count: 0, bytes: 0, example: rel };
      entry.count++;
      entry.bytes += text.length;
      reasons.set(result.reason, entry);
    }
  }
  const share = bytes ? ((100 * nativeBytes) / bytes).toFixed(1) : '0';
  console.log(
    `${label}: ${results.length} texts, ${native} read natively (${same}; ${share}% of the bytes), ` +
      `${results.length - native} given up, 0 differing`,
  );
  for (const [reason, { count, bytes: b, example }] of [...reasons].sort((a, b) => b[1].count - a[1].count))
    console.log(
      `  ${String(count).padStart(5)}  ${String(Math.round(b / 1024)).padStart(6)} KiB  ${reason}  (e.g. ${example})`,
    );
  return {
    texts: results.length,
    native,
    nativeBytesShare: Number(share),
    gaveUp: results.length - native,
    reasons: Object.fromEntries([...reasons].map(([k, v]) => [k, { files: v.count, bytes: v.bytes }])),
  };
}

/**
 * `count` texts made by small random edits of the corpus files under 20,000 characters (seeded,
 * so a failure can be replayed), each with `compare(text, rel)` as its result (`rel`: the edited file's).
 */
export function fuzzComparisons(files, count, seed, compare) {
  return editedTexts(files, count, seeded(seed), randomEdits).map(({ rel, text, base }) => ({
    rel,
    text,
    result: compare(text, base),
  }));
}

/** The first difference between two values, as a path, or undefined. */
export function differ(a, b, at) {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return at;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at} (prototype)`;
  if (a instanceof Date) return a.getTime() === b.getTime() ? undefined : at;
  if (a instanceof Set || a instanceof Map) return differ([...a], [...b], at);
  if (ArrayBuffer.isView(a)) return differ(Array.from(a), Array.from(b), at);
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length || keys.some((k, i) => k !== other[i])) return `${at} (keys)`;
  for (const k of keys) {
    const found = differ(a[k], b[k], `${at}.${k}`);
    if (found) return found;
  }
  return undefined;
}
