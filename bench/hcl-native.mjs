#!/usr/bin/env node
// The HCL native-syntax parse two ways over every `.tf`, `.tfvars` and `.hcl` file of `dir`
// (default ../shared/corpus): the hand-written parser (packages/lang-hcl/src/native/) and the
// tree-sitter conversion, in one build. For every file the native parser reads, both models
// (body, comments, problems; locations as [start, end], keys in order, undefined kept) must be the
// same: the first differing file and where it differs are printed, and the exit code is 1. Files
// the native parser gives up on are counted by reason. Then `--fuzz N` (default 2000) texts made
// by small random edits of corpus files (seeded, `--seed`): the native parser must agree or give
// up. Last, both ways are timed on this thread (medians of `--rounds`, default 3, interleaved,
// which goes first alternating; wall and CPU ms). Build first.
// Usage: node bench/hcl-native.mjs [dir] [--rounds 3] [--fuzz 2000] [--seed 1]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SourceFile } from '@plumbline/core';
import { readNative } from '../packages/lang-hcl/dist/native/parser.js';
import { randomEdits, seeded } from '../packages/lang-hcl/dist/native/random-edits.js';
import { initHclParser, MAX_NESTING_LEVELS, parseHclTreeSitter } from '../packages/lang-hcl/dist/parser.js';
import { differentialArgs, filesUnder, median, timeInterleaved } from './corpus-files.mjs';

const { dir, rounds, fuzzCount, seed } = differentialArgs(process.argv.slice(2));
const LIMIT = 2 * MAX_NESTING_LEVELS;

await initHclParser();

const files = filesUnder(dir, (name) => /\.(tf|tfvars|hcl)$/i.test(name)).map((p) => ({
  rel: relative(dir, p),
  text: readFileSync(p, 'utf8'),
}));

const replacer = (key, value) => {
  if (value === undefined) return '<undefined>';
  if (key === 'file' && value && typeof value === 'object') return value.path;
  if (value && typeof value === 'object' && 'file' in value && 'start' in value && 'end' in value)
    return Object.keys(value).length === 3 ? [value.start, value.end] : value;
  return value;
};
const serialise = (parse, rel, text) => {
  try {
    return JSON.stringify(parse(new SourceFile(rel, text, { repoPath: rel })), replacer);
  } catch (error) {
    return JSON.stringify({ error: String(error), offset: error.offset });
  }
};
const treeSitter = (file) => parseHclTreeSitter(file);

/** Compares one text both ways: 'native', a give-up reason, or a difference (`differs` set). */
function compare(rel, text) {
  const file = new SourceFile(rel, text, { repoPath: rel });
  const native = readNative(file, LIMIT);
  if (typeof native === 'string') {
    let broken = true;
    try {
      broken = parseHclTreeSitter(file).problems.length > 0;
    } catch {}
    return { reason: native, broken };
  }
  const a = JSON.stringify(native, replacer);
  const b = serialise(treeSitter, rel, text);
  if (a === b) return { native: true };
  let i = 0;
  while (a[i] === b[i]) i++;
  return {
    differs: {
      native: a.slice(Math.max(0, i - 300), i + 200),
      treeSitter: b.slice(Math.max(0, i - 300), i + 200),
    },
  };
}

const reasonOf = (r) => r.replace(/`[^`]*`/g, '`…`').replace(/: .*/, '');
function report(label, results) {
  let native = 0;
  let broken = 0;
  const reasons = new Map();
  for (const { rel, result } of results) {
    if (result.differs) {
      console.error(
        `${label}: differs: ${rel}\n  native:      ${result.differs.native}\n  tree-sitter: ${result.differs.treeSitter}`,
      );
      process.exit(1);
    }
    if (result.native) native++;
    else {
      if (result.broken) broken++;
      const key = reasonOf(result.reason);
      const entry = reasons.get(key) ?? { count: 0, clean: 0, example: rel, reason: result.reason };
      entry.count++;
      if (!result.broken) {
        entry.clean++;
        entry.example = rel;
        entry.reason = result.reason;
      }
      reasons.set(key, entry);
    }
  }
  const gaveUp = results.length - native;
  console.log(
    `${label}: ${results.length} texts, ${native} read natively (the same model both ways), ` +
      `${gaveUp} given up (${broken} of them with syntax errors or refused by tree-sitter), 0 differing`,
  );
  // Per reason: how many, how many of those tree-sitter reads without error, and an example (a clean one if any).
  for (const [key, { count, clean, example, reason }] of [...reasons].sort((a, b) => b[1].count - a[1].count))
    console.log(`  ${String(count).padStart(5)} (${clean} clean)  ${key}  (e.g. ${example}: ${reason})`);
  return {
    texts: results.length,
    native,
    gaveUp,
    broken,
    reasons: Object.fromEntries([...reasons].map(([k, v]) => [k, v.count])),
  };
}

const corpus = report(
  'corpus',
  files.map(({ rel, text }) => ({ rel, result: compare(rel, text) })),
);

// Small random edits of corpus text (packages/lang-hcl/src/native/random-edits.ts, seeded, so a
// failure can be replayed).
const random = seeded(seed);
const small = files.filter((f) => f.text.length < 20_000);
const fuzzed = [];
for (let n = 0; n < fuzzCount && small.length > 0; n++) {
  const base = small[Math.floor(random() * small.length)];
  fuzzed.push({ rel: `${base.rel}#${n}`, result: compare(base.rel, randomEdits(base.text, random)) });
}
const fuzz = report('random edits', fuzzed);

const parsers = [
  ['treeSitter', (file) => parseHclTreeSitter(file)],
  [
    'native',
    (file) => {
      const r = readNative(file, LIMIT);
      return typeof r === 'string' ? parseHclTreeSitter(file) : r;
    },
  ],
];
const ways = parsers.map(([name, parse]) => [
  name,
  () => {
    for (const { rel, text } of files) {
      try {
        parse(new SourceFile(rel, text, { repoPath: rel }));
      } catch {}
    }
  },
]);
const times = timeInterleaved(ways, rounds);
const mb = files.reduce((n, f) => n + f.text.length, 0) / 1048576;
const rows = Object.entries(times).map(([way, { wall: ms, cpu }]) => ({
  way: way === 'native' ? 'native (tree-sitter when given up)' : 'tree-sitter',
  files: files.length,
  mb: +mb.toFixed(1),
  msPerRound: Math.round(median(ms)),
  cpuMsPerRound: Math.round(median(cpu)),
  rounds: ms.map(Math.round).join(' '),
}));
console.table(rows);
console.log(JSON.stringify({ dir, rounds, corpus, fuzz, rows }));
