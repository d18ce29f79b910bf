#!/usr/bin/env node
// The native YAML lexer (packages/lang-yaml/src/native-lexer/) against the `yaml` package's Lexer
// over every `.yaml`/`.yml` file of `dir` (default ../shared/corpus) within the size limit: for
// every file it reads, the tokens must be the same strings in the same order; the first differing
// file, token index and both tokens are printed, and the exit code is 1. Files it gives up on are
// counted by reason, over all files and over those a scan parses (`readPlan`: Helm templates and
// unrelated YAML are not parsed). Then `--fuzz N` (default 2000) texts made by small random edits
// of corpus files (seeded, `--seed`): the native lexer must agree or give up. Then both lexers are
// timed on this thread (tokens iterated as `language.ts` does; medians of `--rounds`, default 3,
// interleaved, which goes first alternating; wall and CPU ms), and `yamlLanguage.parse` over the
// files it claims, built from this tree and from `--before <ref>` (default: the merge base with
// main), both bundled by esbuild the same way into ./tmp/. Build first (`npx tsc -b packages/lang-yaml`).
// Usage: node bench/yaml-lexer.mjs [dir] [--rounds 3] [--fuzz 2000] [--seed 1] [--before <ref>] [--no-parse]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceFile } from '@plumbline/core';
import { build } from 'esbuild';
import { Lexer } from 'yaml';
import { readPlan } from '../packages/lang-yaml/dist/language.js';
import { lexNative, lexNativeOrReason } from '../packages/lang-yaml/dist/native-lexer/native-lexer.js';
import { randomEdits, seeded } from '../packages/lang-yaml/dist/native-lexer/random-edits.js';
import { differentialArgs, filesUnder, median, timeInterleaved, withinSizeLimit } from './corpus-files.mjs';

const args = process.argv.slice(2);
const { dir, rounds, fuzzCount, seed, flagValue } = differentialArgs(args, ['--before']);
const root = fileURLToPath(new URL('..', import.meta.url));

const files = filesUnder(dir, (name, path) => /\.ya?ml$/i.test(name) && withinSizeLimit(name, path)).map(
  (p) => {
    const rel = relative(dir, p).split('\\').join('/');
    const text = readFileSync(p, 'utf8');
    let parsed = false;
    try {
      parsed = !('result' in readPlan(new SourceFile(rel, text, { repoPath: rel })));
    } catch {}
    return { rel, text, parsed };
  },
);

/** Compares one text both ways: `{ native: true }`, `{ reason }`, or `{ differs }`. */
function compare(text) {
  const native = lexNativeOrReason(text);
  if (typeof native === 'string') return { reason: native };
  const yaml = [...new Lexer().lex(text)];
  let i = 0;
  while (i < yaml.length && native[i] === yaml[i]) i++;
  if (i === yaml.length && i === native.length) return { native: true };
  return {
    differs: { index: i, native: native[i], yaml: yaml[i], before: yaml.slice(Math.max(0, i - 8), i) },
  };
}

function report(label, results) {
  let native = 0;
  let bytes = 0;
  let nativeBytes = 0;
  const reasons = new Map();
  for (const { rel, text, result } of results) {
    bytes += text.length;
    if (result.differs) {
      const { index, native, yaml, before } = result.differs;
      console.error(
        `${label}: differs: ${rel} at token ${index}\n  native: ${JSON.stringify(native)}\n  yaml:   ${JSON.stringify(yaml)}\n  after:  ${JSON.stringify(before)}`,
      );
      process.exit(1);
    }
    if (result.native) {
      native++;
      nativeBytes += text.length;
    } else {
      const entry = reasons.get(result.reason) ?? { count: 0, example: rel };
      entry.count++;
      reasons.set(result.reason, entry);
    }
  }
  const share = bytes ? ((100 * nativeBytes) / bytes).toFixed(1) : '0';
  console.log(
    `${label}: ${results.length} texts, ${native} read natively (the same tokens; ${share}% of the bytes), ` +
      `${results.length - native} given up, 0 differing`,
  );
  for (const [reason, { count, example }] of [...reasons].sort((a, b) => b[1].count - a[1].count))
    console.log(`  ${String(count).padStart(5)}  ${reason}  (e.g. ${example})`);
  return {
    texts: results.length,
    native,
    gaveUp: results.length - native,
    reasons: Object.fromEntries([...reasons].map(([k, v]) => [k, v.count])),
  };
}

const compared = files.map((file) => ({ ...file, result: compare(file.text) }));
const corpus = report('corpus', compared);
const parsedByScan = report(
  'files a scan parses',
  compared.filter((f) => f.parsed),
);

// Small random edits of corpus text (packages/lang-yaml/src/native-lexer/random-edits.ts, seeded,
// so a failure can be replayed).
const random = seeded(seed);
const small = files.filter((f) => f.text.length < 20_000);
const fuzzed = [];
for (let n = 0; n < fuzzCount && small.length > 0; n++) {
  const base = small[Math.floor(random() * small.length)];
  const text = randomEdits(base.text, random);
  fuzzed.push({ rel: `${base.rel}#${n}`, text, result: compare(text) });
}
const fuzz = report('random edits', fuzzed);

const mbOf = (texts) => +(texts.reduce((n, f) => n + f.text.length, 0) / 1048576).toFixed(1);

/** Times `ways` (name → function of one file) over `texts`, interleaved; one row per way. */
function time(what, texts, ways) {
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

// Tokens iterated as language.ts iterates them (and their lengths summed, so nothing is optimised away).
let sink = 0;
const lexers = [
  [
    'yaml Lexer',
    ({ text }) => {
      for (const token of new Lexer().lex(text)) sink += token.length;
    },
  ],
  [
    'native (yaml when given up)',
    ({ text }) => {
      for (const token of lexNative(text) ?? new Lexer().lex(text)) sink += token.length;
    },
  ],
];
const rows = [
  ...time(
    'lex: files a scan parses',
    files.filter((f) => f.parsed),
    lexers,
  ),
  ...time('lex: all', files, lexers),
];

if (!args.includes('--no-parse')) {
  // yamlLanguage.parse from the ref and from this tree, bundled alike (yaml and core left outside).
  const before =
    flagValue('--before') ??
    execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: root, encoding: 'utf8' }).trim();
  const out = join(root, 'tmp', 'yaml-lexer-bench');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'before'), { recursive: true });
  const archive = execFileSync('git', ['archive', before, 'packages/lang-yaml/src'], { cwd: root });
  execFileSync('tar', ['-x', '-C', join(out, 'before')], { input: archive });
  const bundle = async (entry, name) => {
    await build({
      entryPoints: [entry],
      outfile: join(out, `${name}.mjs`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    return (await import(join(out, `${name}.mjs`))).yamlLanguage;
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
  rows.push(
    ...time('yamlLanguage.parse', claimed, [
      [`before (${before.slice(0, 7)})`, parseWith(beforeLanguage)],
      ['after (this tree)', parseWith(afterLanguage)],
    ]),
  );
}
console.table(rows);
console.log(JSON.stringify({ dir, rounds, corpus, parsedByScan, fuzz, rows, sink: sink > 0 }));
