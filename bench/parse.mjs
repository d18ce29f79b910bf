#!/usr/bin/env node
// Parse only, per language: every file of `dir` (default ../shared/corpus) that a language claims
// is read once up front, then parsed `--rounds` times (default 3) on this thread; prints files,
// MB and the median milliseconds per round and per file for each language. No rules, no engine:
// what the parsers themselves cost. Usage: node bench/parse.mjs [dir] [--rounds 3] [--only yaml]
// Build first (npm run build).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { allLanguages } from '@plumbline/cli';
import { SourceFile } from '@plumbline/core';
import { filesUnder, withinSizeLimit } from './corpus-files.mjs';

const args = process.argv.slice(2);
const flagValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const flagValues = new Set(['--rounds', '--only'].map(flagValue).filter(Boolean));
const dir = resolve(
  args.find((a) => !a.startsWith('--') && !flagValues.has(a)) ??
    new URL('../../shared/corpus', import.meta.url).pathname,
);
const rounds = Number(flagValue('--rounds') ?? 3);
const only = flagValue('--only');

const paths = filesUnder(dir, withinSizeLimit);

const rows = [];
for (const language of allLanguages) {
  if (only && language.id !== only) continue;
  // Everything loaded up front: the bare parse times parsing, not a grammar's first load.
  await language.init?.();
  await language.load?.();
  const files = paths
    .map((p) => relative(dir, p).split('\\').join('/'))
    .filter((rel) => language.claims(rel))
    .map((rel) => ({ rel, text: readFileSync(join(dir, rel), 'utf8') }));
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const { rel, text } of files) {
      try {
        language.parse(new SourceFile(rel, text, { repoPath: rel }));
      } catch {}
    }
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const mb = files.reduce((n, f) => n + f.text.length, 0) / 1048576;
  rows.push({
    language: language.id,
    files: files.length,
    mb: +mb.toFixed(1),
    msPerRound: Math.round(median),
    msPerFile: +(median / Math.max(1, files.length)).toFixed(3),
  });
}
console.table(rows);
console.log(JSON.stringify({ dir, rounds, rows }));
