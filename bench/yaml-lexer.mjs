#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { Lexer } from 'yaml';
import { lexNative, lexNativeOrReason } from '../packages/lang-yaml/dist/native-lexer/native-lexer.js';
import { randomEdits, seeded } from '../packages/lang-yaml/dist/native-lexer/random-edits.js';
import { differentialArgs } from './corpus-files.mjs';
import { languageParseRows, timeRows, yamlCorpusFiles } from './yaml-bench-shared.mjs';

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
