#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { Lexer } from 'yaml';
import { lexNative, lexNativeOrReason } from '../packages/lang-yaml/dist/native-lexer/native-lexer.js';
import { differentialArgs } from './corpus-files.mjs';
import {
  fuzzComparisons,
  languageParseRows,
  reportComparison,
  timeRows,
  yamlCorpusFiles,
} from './yaml-bench-shared.mjs';

const args = process.argv.slice(2);
const { dir, rounds, fuzzCount, seed, flagValue } = differentialArgs(args, ['--before']);
const root = fileURLToPath(new URL('..', import.meta.url));

const files = yamlCorpusFiles(dir);

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

const compared = files.map((file) => ({ ...file, result: compare(file.text) }));
const describe = (rel, _text, { index, native, yaml, before }) =>
  `${rel} at token ${index}\n  native: ${JSON.stringify(native)}\n  yaml:   ${JSON.stringify(yaml)}\n  after:  ${JSON.stringify(before)}`;
const report = (label, results) => reportComparison(label, results, 'the same tokens', describe);
const corpus = report('corpus', compared);
const parsedByScan = report(
  'files a scan parses',
  compared.filter((f) => f.parsed),
);

// Small random edits of corpus text, seeded so that a failure can be replayed.
const fuzz = report('random edits', fuzzComparisons(files, fuzzCount, seed, compare));

/** Times `ways` (name → function of one file) over `texts`, interleaved; one row per way. */
const time = (what, texts, ways) => timeRows(rounds, what, texts, ways);

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

if (!args.includes('--no-parse'))
  rows.push(
    ...(await languageParseRows({
      root,
      dir,
      rounds,
      before: flagValue('--before'),
      name: 'yaml-lexer-bench',
    })),
  );
console.table(rows);
console.log(JSON.stringify({ dir, rounds, corpus, parsedByScan, fuzz, rows, sink: sink > 0 }));
