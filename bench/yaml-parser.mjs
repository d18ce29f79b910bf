#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { Parser } from 'yaml';
import { lexNative } from '../packages/lang-yaml/dist/native-lexer/native-lexer.js';
import { parseNativeTo } from '../packages/lang-yaml/dist/native-parser/native-parser.js';
import { whileParsing } from '../packages/lang-yaml/dist/quiet-env.js';
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

/** `yaml`'s Parser over the tokens, as language.ts drives it. */
function yamlParse(tokens) {
  const parser = new Parser();
  const nodes = [];
  for (const token of tokens) for (const node of parser.next(token)) nodes.push(node);
  for (const node of parser.end()) nodes.push(node);
  return nodes;
}

const shorten = (s) => (s.length > 600 ? `${s.slice(0, 600)}…` : s);

/**
 * Compares one text's tokens both ways: `{ native: true }`, `{ reason }`, or `{ differs }`. When the
 * native parser gives up, the nodes it handed over before must be `yaml`'s first ones (language.ts
 * skips them in `yaml`'s output).
 */
function compare(tokens) {
  if (!tokens) return { reason: 'native lexer gave up' };
  const native = [];
  const gaveUp = parseNativeTo(tokens, (node) => native.push(node));
  const yaml = whileParsing(() => yamlParse(tokens));
  const count = gaveUp ? gaveUp.handed : Math.max(native.length, yaml.length);
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(native[i]);
    const b = JSON.stringify(yaml[i]);
    if (a !== b) {
      let at = 0;
      while (at < a.length && a[at] === b?.[at]) at++;
      return {
        differs: {
          index: i,
          native: shorten(a?.slice(Math.max(0, at - 200)) ?? 'none'),
          yaml: shorten(b?.slice(Math.max(0, at - 200)) ?? 'none'),
        },
      };
    }
  }
  return gaveUp ? { reason: gaveUp.reason } : { native: true };
}

const compared = files.map((file) => ({ ...file, result: compare(lexNative(file.text)) }));
const describe = (rel, text, { index, native, yaml }) =>
  `${rel} at top-level node ${index}\n  native: ${native}\n  yaml:   ${yaml}\n  text: ${JSON.stringify(text.length < 400 ? text : `${text.slice(0, 400)}…`)}`;
const report = (label, results) => reportComparison(label, results, 'the same CST', describe);
const corpus = report('corpus', compared);
const parsedByScan = report(
  'files a scan parses',
  compared.filter((f) => f.parsed),
);

// Small random edits of corpus text (the lexer's), seeded so that a failure can be replayed.
const fuzz = report(
  'random edits',
  fuzzComparisons(files, fuzzCount, seed, (text) => compare(lexNative(text))),
);

/** Times `ways` (name → function of one file) over `texts`, interleaved; one row per way. */
const time = (what, texts, ways) => timeRows(rounds, what, texts, ways);

// `yaml`'s Parser as language.ts drives it (inside `whileParsing`), nodes counted so nothing is
// optimised away.
let sink = 0;
const yamlParser = (tokens) =>
  whileParsing(() => {
    const parser = new Parser();
    for (const token of tokens) for (const _ of parser.next(token)) sink++;
    for (const _ of parser.end()) sink++;
  });
// As language.ts streams it: on giving up, `yaml`'s Parser reads the tokens again (the nodes handed
// over are skipped there).
const count = () => sink++;
const nativeParser = (tokens) => {
  if (parseNativeTo(tokens, count)) yamlParser(tokens);
};
const scanned = files.filter((f) => f.parsed && lexNative(f.text));

// 1. The parsers alone, over tokens lexed beforehand (all of them held at once: a large heap).
const lexed = scanned.map((f) => ({ ...f, tokens: lexNative(f.text) }));
const rows = time('parser alone (tokens lexed beforehand)', lexed, [
  ['yaml Parser', ({ tokens }) => yamlParser(tokens)],
  ['native (yaml when given up)', ({ tokens }) => nativeParser(tokens)],
]);
lexed.length = 0;
// 2. Lexed and parsed file by file, as a scan does (a small heap); the parser's share is the
// difference from lexing alone.
rows.push(
  ...time('native lexer + parser, per file', scanned, [
    ['lex only', ({ text }) => (sink += lexNative(text).length)],
    ['lex + yaml Parser', ({ text }) => yamlParser(lexNative(text))],
    ['lex + native parser', ({ text }) => nativeParser(lexNative(text))],
  ]),
);

if (!args.includes('--no-parse'))
  rows.push(
    ...(await languageParseRows({
      root,
      dir,
      rounds,
      before: flagValue('--before'),
      name: 'yaml-parser-bench',
    })),
  );
console.table(rows);
console.log(JSON.stringify({ dir, rounds, corpus, parsedByScan, fuzz, rows, sink: sink > 0 }));
