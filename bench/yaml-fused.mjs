#!/usr/bin/env node
// The fused YAML reader (packages/lang-yaml/src/fused-reader/) against the old path (native lexer →
// native parser → CST builder, `{ fused: false }`), its oracle. Over every YAML/JSON file of `dir`
// (default ../shared/corpus) that a scan parses, then over `--fuzz` (default 20000) seeded random
// edits of them: the whole model both ways (documents, kinds, plain data with key order, places,
// the span table, problems, comments, errors per document, documents built) must be equal (prints
// the first differing text and field and exits 1). Prints how many files and bytes the fused reader
// took and why it gave up on the others, then times `parseYaml` and `readDocuments` both ways on
// this thread (CPU ms per round, `--rounds` interleaved blocks of `--block` rounds each, defaults 5
// and 3; see below). Build first.
// Usage: node bench/yaml-fused.mjs [dir] [--rounds 5] [--block 3] [--fuzz 20000] [--seed 1]
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SourceFile } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { readModel } from '../packages/lang-yaml/dist/fused-reader/read-model.js';
import {
  fusedGiveUpReason,
  parseYamlWith,
  readDocuments,
  readPlan,
} from '../packages/lang-yaml/dist/language.js';
import { claimedTexts, differentialArgs, median } from './corpus-files.mjs';
import { differ, fuzzComparisons, reportComparison } from './yaml-bench-shared.mjs';

const args = process.argv.slice(2);
const { dir, seed, flagValue } = differentialArgs(args, ['--block']);
const rounds = Number(flagValue('--rounds') ?? 5);
const fuzzCount = Number(flagValue('--fuzz') ?? 20000);

const sourceOf = (rel, text) => new SourceFile(rel, text, { repoPath: rel });
const parsedByScan = (rel, text) => {
  try {
    return !('result' in readPlan(sourceOf(rel, text)));
  } catch {
    return false;
  }
};
const files = claimedTexts(dir, (rel) => yamlLanguage.claims(rel.split('\\').join('/')))
  .map(({ rel, text }) => ({ rel: rel.split('\\').join('/'), text }))
  .filter(({ rel, text }) => parsedByScan(rel, text));

/** One text both ways: `{ native: true }` (the fused reader took it), `{ reason }`, or `{ differs }`. */
function compare(rel, text) {
  const file = sourceOf(rel, text);
  const difference = differ(readModel(file, { fused: false }, true), readModel(file, {}, true), 'model');
  if (difference) return { differs: difference };
  let reason;
  try {
    reason = fusedGiveUpReason(file);
  } catch (error) {
    reason = `threw: ${error.message}`;
  }
  return reason === undefined ? { native: true } : { reason };
}

const describe = (rel, text, differs) =>
  `${rel}: ${differs}\n  text: ${JSON.stringify(text.length < 600 ? text : `${text.slice(0, 600)}…`)}`;
const corpus = reportComparison(
  'corpus files a scan parses',
  files.map((f) => ({ ...f, result: compare(f.rel, f.text) })),
  'the same model',
  describe,
);

// Seeded random edits of the corpus files under 20,000 characters, read under their own path (a
// workflow keeps its unique keys).
const edited = fuzzComparisons(files, fuzzCount, seed, (text, rel) => compare(rel, text));
const fuzz = reportComparison('random edits', edited, 'the same model', describe);
edited.length = 0;

// Timing: warm (both ways ran over every file above). Each way runs in blocks of `--block` rounds
// (default 3), the ways' blocks alternating, and each block ends with a full garbage collection
// timed with it, so a way pays for collecting its own garbage (the old path's token strings and CST
// nodes), not the next one. The cost of a full collection with no garbage (the live heap's marking,
// measured right after another) is taken out. CPU ms (this process, all threads) per round.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const block = Number(flagValue('--block') ?? 3);
/** CPU ms of this thread alone (from /proc, 10 ms ticks): the process' less V8's helper threads. */
const threadMs = () => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
let lastThreadMs = 0;
const cpuMs = (run) => {
  const start = process.cpuUsage();
  const thread = threadMs();
  run();
  const { user, system } = process.cpuUsage(start);
  lastThreadMs = threadMs() - thread;
  return (user + system) / 1000;
};
function timeBlocks(what, ways) {
  const perRound = Object.fromEntries(ways.map(([name]) => [name, []]));
  const mainPerRound = Object.fromEntries(ways.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of r % 2 === 0 ? ways : [...ways].reverse()) {
      gc();
      const baseline = cpuMs(gc);
      const mainBaseline = lastThreadMs;
      const total = cpuMs(() => {
        for (let i = 0; i < block; i++) for (const f of files) run(f);
        gc();
      });
      perRound[name].push((total - baseline) / block);
      mainPerRound[name].push((lastThreadMs - mainBaseline) / block);
    }
  }
  return ways.map(([name]) => ({
    what,
    way: name,
    files: files.length,
    cpuMsPerRound: Math.round(median(perRound[name])),
    mainThreadCpuMs: Math.round(median(mainPerRound[name])),
    blocks: perRound[name].map(Math.round).join(' '),
  }));
}
// `readDocuments` alone: each file's plan (path, options) is made once, outside the timing.
const plans = new Map(
  files.map((f) => {
    const file = sourceOf(f.rel, f.text);
    return [f, { file, plan: readPlan(file) }];
  }),
);
const read = (way) => (f) => {
  const { file, plan } = plans.get(f);
  readDocuments(file, f.text, plan.path, plan.named, plan.options, way);
};
const rows = rounds
  ? [
      ...timeBlocks('readDocuments (the YAML read)', [
        ['old path (fused: false)', read({ fused: false })],
        ['fused (old path on giving up)', read({})],
      ]),
      ...timeBlocks('parseYaml', [
        ['old path (fused: false)', (f) => parseYamlWith(sourceOf(f.rel, f.text), { fused: false })],
        ['fused (old path on giving up)', (f) => parseYamlWith(sourceOf(f.rel, f.text), {})],
      ]),
    ]
  : [];
// The same pair file by file: each file read both ways back to back (which first alternating),
// wall ms summed per way over `--rounds` passes. Load that comes and goes on a shared machine hits
// both ways alike, at the scale of a file; a collection of either's garbage may fall in the
// other's time (more of the old path's garbage lands in the fused reader's than the reverse).
if (rounds) {
  const oldRead = read({ fused: false });
  const fusedRead = read({});
  const sums = { old: 0, fused: 0 };
  for (let r = 0; r < rounds; r++) {
    let first = r % 2 === 0;
    for (const f of files) {
      first = !first;
      const a = performance.now();
      (first ? oldRead : fusedRead)(f);
      const b = performance.now();
      (first ? fusedRead : oldRead)(f);
      const c = performance.now();
      sums.old += first ? b - a : c - b;
      sums.fused += first ? c - b : b - a;
    }
  }
  rows.push(
    ...Object.entries(sums).map(([way, ms]) => ({
      what: 'readDocuments, file by file in pairs (wall ms, not CPU)',
      way: way === 'old' ? 'old path (fused: false)' : 'fused (old path on giving up)',
      files: files.length,
      cpuMsPerRound: Math.round(ms / rounds),
    })),
  );
}
for (const what of new Set(rows.map((row) => row.what))) {
  const [old, fused] = rows.filter((row) => row.what === what);
  const less = (key) => Math.round(100 - (100 * fused[key]) / old[key]);
  const main = old.mainThreadCpuMs ? `, ${less('mainThreadCpuMs')} % less on the main thread` : '';
  console.log(`${what}: ${less('cpuMsPerRound')} % less${main}`);
}
console.table(rows);
console.log(JSON.stringify({ dir, rounds, seed, corpus, fuzz, rows }));
