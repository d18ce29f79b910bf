#!/usr/bin/env node
// Measures a full scan against parse-only over a folder (default: ../shared/corpus): files/s,
// MB/s, the full/parse ratio and peak memory. Usage: node bench/scan.mjs [dir] [--only <glob>]
// Build first (npm run build). Numbers go to stdout as a small table and one JSON line.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { allLanguages, scan } from '@plumbline/cli';
import { DiskFileSource, SourceFile } from '@plumbline/core';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? [args[onlyAt + 1]] : undefined;
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && i !== onlyAt + 1) ??
    new URL('../../shared/corpus', import.meta.url).pathname,
);
statSync(dir);

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

// Parse only: every claimed file read and parsed once, no rules.
const source = new DiskFileSource(dir);
for (const l of allLanguages) await l.init?.();
let parseFiles = 0;
let bytes = 0;
let t = performance.now();
for await (const entry of source.list()) {
  const language = allLanguages.find((l) => l.claims(entry.path));
  if (!language || entry.size > 5 * 1024 * 1024) continue;
  const text = (await source.read(entry.path)).toString('utf8');
  try {
    language.parse(new SourceFile(entry.path, text));
  } catch {}
  parseFiles++;
  bytes += entry.size;
}
const parseMs = performance.now() - t;

t = performance.now();
const result = await scan({ root: dir, include: only });
const scanMs = performance.now() - t;
clearInterval(sample);

const mb = bytes / 1024 / 1024;
const rows = [
  ['files', parseFiles, result.summary.files],
  ['MB', mb.toFixed(1), ''],
  ['seconds (parse only / full scan)', (parseMs / 1000).toFixed(2), (scanMs / 1000).toFixed(2)],
  ['MB/s', (mb / (parseMs / 1000)).toFixed(2), (mb / (scanMs / 1000)).toFixed(2)],
  [
    'files/s',
    (parseFiles / (parseMs / 1000)).toFixed(0),
    (result.summary.files / (scanMs / 1000)).toFixed(0),
  ],
  ['full / parse-only', '', (scanMs / parseMs).toFixed(2)],
  ['findings', '', result.summary.findings],
  ['errors (parse, skipped, ...)', '', result.errors.length],
  ['peak RSS MB', '', (peak / 1024 / 1024).toFixed(0)],
];
for (const [k, a, b] of rows)
  console.log(`${String(k).padEnd(34)} ${String(a).padStart(10)} ${String(b).padStart(10)}`);
console.log(
  JSON.stringify({
    dir,
    files: result.summary.files,
    mb: +mb.toFixed(2),
    parseMs: Math.round(parseMs),
    scanMs: Math.round(scanMs),
    findings: result.summary.findings,
    peakRssMb: Math.round(peak / 1048576),
  }),
);
