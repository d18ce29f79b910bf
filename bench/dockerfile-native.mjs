#!/usr/bin/env node
// Dockerfiles read two ways, in one build: the native reader (packages/lang-dockerfile/src/
// native-dockerfile/, dockerfile-ast when it gives up) and dockerfile-ast alone. Over every
// Dockerfile of `dir` (default ../shared/corpus, as the Dockerfile language claims them):
// - every file's `parseDockerfile` result (model, problems, comments, unscanned; locations as
//   [start, end]) must be the same both ways: the first difference is printed and the exit code
//   is 1. Files read natively (with their share of the bytes) and given up are counted, by reason;
// - `--fuzz N` (default 2000) texts made by seeded random edits of corpus files (`--seed`), and
//   `--generated N` (default 2000) seeded random Dockerfiles: the same both ways, counted the same;
// - both ways are timed on this thread, `parseDockerfile` over the files (medians of `--rounds`,
//   default 5, interleaved, which goes first alternating; wall and CPU ms). Build first.
// Usage: node bench/dockerfile-native.mjs [dir] [--rounds 5] [--fuzz 2000] [--generated 2000] [--seed 1]
import { SourceFile } from '@plumbline/core';
import {
  configureDockerfileReader,
  dockerfileLanguage,
  initShell,
  parseDockerfile,
} from '../packages/lang-dockerfile/dist/index.js';
import { dockerfileResultJson } from '../packages/lang-dockerfile/dist/native-dockerfile/model-json.js';
import {
  randomDockerfile,
  randomDockerfileEdits,
  seededRandom,
} from '../packages/lang-dockerfile/dist/native-dockerfile/random-edits.js';
import {
  claimedTexts,
  differentialArgs,
  editedTexts,
  median,
  partAt,
  shrinkWhile,
  timeInterleaved,
} from './corpus-files.mjs';
import { reportComparison } from './yaml-bench-shared.mjs';

const { dir, fuzzCount, seed, flagValue } = differentialArgs(process.argv.slice(2), ['--generated']);
const rounds = Number(flagValue('--rounds') ?? 5);
const generatedCount = Number(flagValue('--generated') ?? 2000);

await initShell();

const files = claimedTexts(dir, dockerfileLanguage.claims);

/** `parseDockerfile` of a text with the native reader on or off, as JSON (or the error it throws). */
function parsedJson(rel, text, native, seen) {
  configureDockerfileReader({ native, observe: seen ? (_file, gaveUp) => seen.push(gaveUp) : undefined });
  try {
    return dockerfileResultJson(parseDockerfile(new SourceFile(rel, text, { repoPath: rel })));
  } catch (e) {
    return `<throws ${e?.message}>`;
  } finally {
    configureDockerfileReader();
  }
}

/** One text both ways: `{ native: true }`, `{ reason }` (given up) or `{ differs }`. */
function compare(rel, text) {
  const seen = [];
  const a = parsedJson(rel, text, true, seen);
  const b = parsedJson(rel, text, false);
  if (a !== b) return { differs: partAt(a, b, ['native', 'dockerfileAst']) };
  const reason = seen[0];
  return reason === undefined
    ? seen.length
      ? { native: true }
      : { reason: '<not read: too large>' }
    : { reason: reason.replace(/`[^`]*`/g, '`…`') };
}

const describe = (rel, text, where) =>
  `${rel}\n  shortened: ${JSON.stringify(shrinkWhile(text, (t) => !!compare('shrink', t).differs))}\n  native:         ${where.native}\n  dockerfile-ast: ${where.dockerfileAst}`;

const corpus = reportComparison(
  'corpus',
  files.map(({ rel, text }) => ({ rel, text, result: compare(rel, text) })),
  'the same model',
  describe,
);

const edited = editedTexts(files, fuzzCount, seededRandom(seed), randomDockerfileEdits).map(
  ({ rel, text }) => ({ rel, text, result: compare(rel, text) }),
);
const fuzz = reportComparison('random edits', edited, 'the same model', describe);

const made = [];
for (let n = 0; n < generatedCount; n++) {
  const text = randomDockerfile(random);
  made.push({ rel: `generated#${n}`, text, result: compare(`generated#${n}`, text) });
}
const generated = reportComparison('generated', made, 'the same model', describe);

const sources = files.map(({ rel, text }) => new SourceFile(rel, text, { repoPath: rel }));
const run = (native) => () => {
  configureDockerfileReader({ native });
  try {
    for (const file of sources) {
      try {
        parseDockerfile(file);
      } catch {}
    }
  } finally {
    configureDockerfileReader();
  }
};
const times = timeInterleaved(
  [
    ['dockerfile-ast', run(false)],
    ['native', run(true)],
  ],
  rounds,
);
const rows = Object.keys(times).map((way) => ({
  what: 'parseDockerfile',
  way: way === 'native' ? 'native (dockerfile-ast when given up)' : 'dockerfile-ast',
  files: files.length,
  msPerRound: Math.round(median(times[way].wall)),
  cpuMsPerRound: Math.round(median(times[way].cpu)),
  cpuMsRounds: times[way].cpu.map(Math.round).join(' '),
}));
console.table(rows);
console.log(JSON.stringify({ dir, rounds, seed, corpus, fuzz, generated, rows }));
