#!/usr/bin/env node
// The YAML parse two ways over every YAML/JSON file of `dir` (default ../shared/corpus) that
// `parseYaml` reads: each document through the CST builder where it can (packages/lang-yaml/src/
// cst-spans.ts, the default) and every document through the `yaml` package's Composer. First
// asserts both give the same model file by file (documents, kinds, plain data with key order,
// places, span tables, problems, comments; prints the first differing file and field and exits 1),
// counts the documents the builder took, then times both on this thread (medians of `--rounds`,
// default 3, interleaved; which way goes first alternates; wall and CPU ms). Build first.
// Usage: node bench/yaml-cst.mjs [dir] [--rounds 3]
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SourceFile } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { readModel } from '../packages/lang-yaml/dist/fused-reader/read-model.js';
import { parseYamlWith, readDocuments, readPlan } from '../packages/lang-yaml/dist/language.js';
import { filesUnder, median, timeInterleaved, withinSizeLimit } from './corpus-files.mjs';
import { differ } from './yaml-bench-shared.mjs';

const args = process.argv.slice(2);
const flagValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const dir = resolve(
  args.find((a) => !a.startsWith('--') && a !== flagValue('--rounds')) ??
    new URL('../../shared/corpus', import.meta.url).pathname,
);
const rounds = Number(flagValue('--rounds') ?? 3);

const paths = filesUnder(dir, withinSizeLimit);
const claimed = paths
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((rel) => yamlLanguage.claims(rel))
  .map((rel) => ({ rel, text: readFileSync(join(dir, rel), 'utf8') }));
const sourceOf = ({ rel, text }) => new SourceFile(rel, text, { repoPath: rel });

const read = claimed.filter((f) => {
  try {
    return !('result' in readPlan(sourceOf(f)));
  } catch {
    return true;
  }
});
let documents = 0;
let built = 0;
for (const f of read) {
  const file = sourceOf(f);
  const difference = differ(
    readModel(file, { viaCst: false }),
    readModel(file, { viaCst: true, fused: false }),
    'model',
  );
  if (difference) {
    console.error(`differs: ${f.rel}: ${difference}`);
    process.exit(1);
  }
  try {
    const plan = readPlan(file);
    const docs = readDocuments(file, file.text, plan.path, plan.named, plan.options, { fused: false });
    documents += docs.errorCounts.length;
    built += docs.built;
  } catch {}
}
console.log(
  `${read.length} of ${claimed.length} files read: the same model both ways; ${documents} documents, ` +
    `${built} read from the CST, ${documents - built} through the Composer`,
);

// Both ways have run over every file above (warm); each round swaps which goes first.
const times = timeInterleaved(
  [
    ['composer', false],
    ['cst', true],
  ].map(([name, viaCst]) => [
    name,
    () => {
      for (const f of claimed) {
        try {
          // The CST builder, not the fused reader in front of it (bench/yaml-fused.mjs times that).
          parseYamlWith(sourceOf(f), { viaCst, fused: false });
        } catch {}
      }
    },
  ]),
  rounds,
);
const mb = read.reduce((n, f) => n + f.text.length, 0) / 1048576;
const rows = Object.entries(times).map(([way, { wall: ms, cpu }]) => ({
  way,
  files: claimed.length,
  read: read.length,
  mb: +mb.toFixed(1),
  msPerRound: Math.round(median(ms)),
  cpuMsPerRound: Math.round(median(cpu)),
  rounds: ms.map(Math.round).join(' '),
}));
console.table(rows);
console.log(JSON.stringify({ dir, rounds, documents, built, rows }));
