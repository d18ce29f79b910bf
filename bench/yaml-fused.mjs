#!/usr/bin/env node
// The fused YAML reader (packages/lang-yaml/src/fused-reader/) against the old path (native lexer →
// native parser → CST builder, `{ fused: false }`), its oracle. Over every YAML/JSON file of `dir`
// (default ../shared/corpus) that a scan parses, then over `--fuzz` (default 20000) seeded random
// edits of them: the whole model both ways (documents, kinds, plain data with key order, places,
// the span table, problems, comments, errors per document, documents built) must be equal (prints
// the first differing text and field and exits 1). Prints how many files and bytes the fused reader
// took and why it gave up on the others, then times `parseYaml` and `readDocuments` both ways on
// this thread (CPU ms per round, `--rounds` interleaved rounds, default 5). Build first.
// Usage: node bench/yaml-fused.mjs [dir] [--rounds 5] [--fuzz 20000] [--seed 1]
import { SourceFile } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { readModel } from '../packages/lang-yaml/dist/fused-reader/read-model.js';
import {
  fusedGiveUpReason,
  parseYamlWith,
  readDocuments,
  readPlan,
} from '../packages/lang-yaml/dist/language.js';
import { claimedTexts, differentialArgs } from './corpus-files.mjs';
import { differ, fuzzComparisons, reportComparison, timeRows } from './yaml-bench-shared.mjs';

const args = process.argv.slice(2);
const { dir, seed, flagValue } = differentialArgs(args);
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

// Timing: warm (both ways ran over every file above); each round swaps which goes first.
const read = (way) => (f) => {
  const file = sourceOf(f.rel, f.text);
  const plan = readPlan(file);
  readDocuments(file, f.text, plan.path, plan.named, plan.options, way);
};
const rows = [
  ...timeRows(rounds, 'readDocuments (the YAML read)', files, [
    ['old path (fused: false)', read({ fused: false })],
    ['fused (old path on giving up)', read({})],
  ]),
  ...timeRows(rounds, 'parseYaml', files, [
    ['old path (fused: false)', (f) => parseYamlWith(sourceOf(f.rel, f.text), { fused: false })],
    ['fused (old path on giving up)', (f) => parseYamlWith(sourceOf(f.rel, f.text), {})],
  ]),
];
console.table(rows);
console.log(JSON.stringify({ dir, rounds, seed, corpus, fuzz, rows }));
