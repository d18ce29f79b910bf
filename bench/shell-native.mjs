#!/usr/bin/env node
// The shell of Dockerfile RUN instructions read two ways, in one build: the native reader
// (packages/lang-dockerfile/src/native-shell/, tree-sitter when it gives up) and tree-sitter-bash
// alone. Over every Dockerfile of `dir` (default ../shared/corpus, as the Dockerfile language
// claims them):
// - every RUN script (`parseShell` of the text a RUN hands over, wrapped scripts included through
//   the same path) and every file's model (`parseDockerfile`, instruction by instruction) must be
//   the same both ways (locations as [start, end], pipeline and wrapper links as indexes): the
//   first difference is printed and the exit code is 1. Scripts read natively and given up are
//   counted, by reason;
// - `--fuzz N` (default 2000) scripts made by seeded random edits of corpus scripts (`--seed`),
//   and `--scripts N` (default 2000) seeded random scripts of the shapes RUN lines have: the same
//   both ways, counted the same;
// - both ways are timed on this thread, `parseShell` over the RUN scripts and the whole Dockerfile
//   parse over the files (medians of `--rounds`, default 5, interleaved, which goes first
//   alternating; wall and CPU ms). Build first.
// Usage: node bench/shell-native.mjs [dir] [--rounds 5] [--fuzz 2000] [--scripts 2000] [--seed 1]
import { SourceFile } from '@plumbline/core';
import {
  configureShellReader,
  dockerfileLanguage,
  initShell,
  parseDockerfile,
  parseShell,
} from '../packages/lang-dockerfile/dist/index.js';
import {
  randomShellEdits,
  randomShellScript,
  seededRandom,
} from '../packages/lang-dockerfile/dist/native-shell/random-edits.js';
import { shellScriptJson } from '../packages/lang-dockerfile/dist/native-shell/script-json.js';
import {
  claimedTexts,
  differentialArgs,
  editedTexts,
  median,
  partAt,
  shrinkWhile,
  timeInterleaved,
} from './corpus-files.mjs';

const { dir, fuzzCount, seed, flagValue } = differentialArgs(process.argv.slice(2), ['--scripts']);
const rounds = Number(flagValue('--rounds') ?? 5);
const scriptCount = Number(flagValue('--scripts') ?? 2000);

await initShell();

const files = claimedTexts(dir, dockerfileLanguage.claims);
const sourceOf = ({ rel, text }) => new SourceFile(rel, text, { repoPath: rel });

// The RUN scripts: the texts the Dockerfile parse hands to `parseShell` (depth 0).
const scripts = [];
let current = '';
configureShellReader({
  native: false,
  observe: (text, _gaveUp, depth) => {
    if (depth === 0) scripts.push({ rel: current, text });
  },
});
for (const f of files) {
  current = f.rel;
  parseDockerfile(sourceOf(f));
}

/** Runs `read` with the native reader on or off; with it on, counts what it read and gave up. */
function withReader(native, read, counts) {
  configureShellReader({
    native,
    observe: counts
      ? (_text, gaveUp) => {
          if (gaveUp === undefined) counts.native++;
          else {
            const reason = gaveUp.replace(/`[^`]*`/g, '`…`');
            counts.reasons.set(reason, (counts.reasons.get(reason) ?? 0) + 1);
          }
        }
      : undefined,
  });
  try {
    return read();
  } finally {
    configureShellReader();
  }
}

const identity = (i) => i;
const newCounts = () => ({ native: 0, reasons: new Map() });

/** One script both ways: undefined when the same, else where they part. */
function compareScript(rel, text, counts) {
  const file = new SourceFile(rel, text, { repoPath: rel });
  const a = shellScriptJson(withReader(true, () => parseShell(file, text, identity), counts));
  const b = shellScriptJson(withReader(false, () => parseShell(file, text, identity)));
  return a === b ? undefined : partAt(a, b, ['native', 'treeSitter']);
}

function fail(label, rel, text, where) {
  console.error(`${label}: differs: ${rel}\n  script: ${JSON.stringify(text)}`);
  if (text)
    console.error(
      `  shortened: ${JSON.stringify(shrinkWhile(text, (t) => !!compareScript('shrink', t, newCounts())))}`,
    );
  console.error(`  native:      ${where.native}\n  tree-sitter: ${where.treeSitter}`);
  process.exit(1);
}

function report(label, count, counts) {
  const gaveUp = [...counts.reasons.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${label}: ${count} scripts; ${counts.native + gaveUp} texts read (wrapped scripts included): ` +
      `${counts.native} natively, ${gaveUp} given up to tree-sitter, 0 differing`,
  );
  for (const [reason, n] of [...counts.reasons].sort((x, y) => y[1] - x[1]))
    console.log(`  ${String(n).padStart(6)}  ${reason}`);
  return { scripts: count, native: counts.native, gaveUp, reasons: Object.fromEntries(counts.reasons) };
}

// Every RUN script.
const corpusCounts = newCounts();
for (const { rel, text } of scripts) {
  const where = compareScript(rel, text, corpusCounts);
  if (where) fail('corpus', rel, text, where);
}
const corpus = report('corpus', scripts.length, corpusCounts);

// Every file's model, with the Dockerfile's own offset maps (exec form, heredocs, ONBUILD).
for (const f of files) {
  const shells = (result) =>
    result.model.instructions.map((i) => `${shellScriptJson(i.shell)} ${shellScriptJson(i.trigger?.shell)}`);
  const a = withReader(true, () => shells(parseDockerfile(sourceOf(f))));
  const b = withReader(false, () => shells(parseDockerfile(sourceOf(f))));
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i])
      fail('file', `${f.rel} instruction ${i}`, '', partAt(a[i], b[i], ['native', 'treeSitter']));
}
console.log(`files: ${files.length} Dockerfiles, every instruction's shell the same both ways`);

// Seeded random edits of corpus scripts.
const fuzzCounts = newCounts();
const edited = editedTexts(scripts, fuzzCount, seededRandom(seed), randomShellEdits, 4000);
for (const { rel, text } of edited) {
  const where = compareScript(rel, text, fuzzCounts);
  if (where) fail('random edits', rel, text, where);
}
const fuzz = report('random edits', edited.length, fuzzCounts);

// Seeded random scripts of the shapes RUN lines have (blocks, lists, pipelines, redirections).
const generatedCounts = newCounts();
for (let n = 0; n < scriptCount; n++) {
  const text = randomShellScript(random);
  const where = compareScript(`generated#${n}`, text, generatedCounts);
  if (where) fail('random scripts', `generated#${n}`, text, where);
}
const generated = report('random scripts', scriptCount, generatedCounts);

// Timing: interleaved rounds, which way goes first alternating.
const work = {
  parseShell: () => {
    for (const { rel, text } of scripts) parseShell(new SourceFile(rel, text), text, identity);
  },
  parseDockerfile: () => {
    for (const f of files) parseDockerfile(sourceOf(f));
  },
};
const rows = [];
for (const [what, run] of Object.entries(work)) {
  const times = timeInterleaved(
    [
      ['treeSitter', () => withReader(false, run)],
      ['native', () => withReader(true, run)],
    ],
    rounds,
  );
  for (const way of Object.keys(times))
    rows.push({
      what,
      way: way === 'native' ? 'native (tree-sitter when given up)' : 'tree-sitter',
      items: what === 'parseShell' ? scripts.length : files.length,
      msPerRound: Math.round(median(times[way].wall)),
      cpuMsPerRound: Math.round(median(times[way].cpu)),
      rounds: times[way].wall.map(Math.round).join(' '),
    });
}
console.table(rows);
console.log(JSON.stringify({ dir, rounds, seed, corpus, fuzz, generated, rows }));
