#!/usr/bin/env node
// A full scan against a bare one-thread parse of the same files, over a folder (default:
// ../shared/corpus). The scan runs in a child process (`/usr/bin/time -v` when present), so peak
// RSS covers its worker threads; CPU time counts every thread. Prints threads, wall and CPU time,
// files/s, MB/s, the ratio to the bare parse, peak RSS and the time of each pipeline stage
// (summed over threads), as a table and one JSON line.
// Two bare parses: Plumbline's own (`language.parse`, what the scan does before its rules) and the
// issue's reference, the libraries the scanner began with (`yaml`'s `parseAllDocuments`, tree-sitter
// HCL with its conversion, `dockerfile-ast`, `JSON.parse` for Terraform JSON). The reference does
// not get faster when our parsers do, so its ratio is the one issue 17's target was set against.
// Usage: node bench/scan.mjs [dir] [--threads N|auto] [--only <glob>] [--no-render] [--no-parse]
//   [--no-reference]
// Build first (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLanguages, scan } from '@plumbline/cli';
import { DiskFileSource, SourceFile } from '@plumbline/core';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { parseHclTreeSitter } from '../packages/lang-hcl/dist/parser.js';

const args = process.argv.slice(2);
const flagValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const flagValues = new Set(['--only', '--threads'].map(flagValue).filter(Boolean));
const dir = resolve(
  args.find((a) => !a.startsWith('--') && !flagValues.has(a)) ??
    new URL('../../shared/corpus', import.meta.url).pathname,
);
statSync(dir);
const only = flagValue('--only');
const threadsArg = flagValue('--threads') ?? 'auto';
const threads = threadsArg === 'auto' ? 'auto' : Number(threadsArg);

if (args.includes('--child')) {
  // The measured scan itself.
  const stages = {};
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await scan({
    root: dir,
    include: only ? [only] : undefined,
    threads,
    render: !args.includes('--no-render'),
    onStageTime: (stage, ms) => {
      stages[stage] = (stages[stage] ?? 0) + ms;
    },
  });
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      wallMs: performance.now() - t,
      cpuMs: (used.user + used.system) / 1000,
      files: result.summary.files,
      findings: result.summary.findings,
      errors: result.errors.length,
      stages,
    }),
  );
  process.exit(0);
}

// Bare parses: every claimed file read once up front, then parsed on this thread, no rules.
const referenceParse = {
  yaml: (file) => parseAllDocuments(file.text),
  hcl: (file) => (/\.json$/i.test(file.path) ? JSON.parse(file.text) : parseHclTreeSitter(file)),
  dockerfile: (file) => DockerfileParser.parse(file.text),
};
let parseMs;
let referenceMs;
let referenceFiles = 0;
let parseFiles = 0;
let bytes = 0;
if (!args.includes('--no-parse')) {
  const source = new DiskFileSource(dir);
  // Everything loaded up front: the bare parse times parsing, not a grammar's first load.
  for (const l of allLanguages) {
    await l.init?.();
    await l.load?.();
  }
  const files = [];
  for await (const entry of source.list()) {
    const language = allLanguages.find((l) => l.claims(entry.path));
    if (!language || entry.skipped || entry.size > 5 * 1024 * 1024) continue;
    const text = (await source.read(entry.path)).toString('utf8');
    files.push({ language, path: entry.path, text });
    bytes += entry.size;
  }
  parseFiles = files.length;
  // The reference reads only what the scan parses: not the files its languages skip unread
  // (Helm templates, JSON that is no manifest), which `yaml` alone would parse in full.
  const parsed = [];
  const timed = (list, parse) => {
    const t = performance.now();
    for (const file of list) {
      try {
        if (!parse(file.language, new SourceFile(file.path, file.text))?.skipped) parsed.push(file);
      } catch {}
    }
    return performance.now() - t;
  };
  parseMs = timed(files, (language, file) => language.parse(file));
  referenceFiles = parsed.length;
  if (!args.includes('--no-reference'))
    referenceMs = timed(parsed.splice(0), (language, file) => {
      referenceParse[language.id](file);
    });
}

const self = fileURLToPath(import.meta.url);
const childArgs = [
  self,
  dir,
  '--child',
  '--threads',
  String(threadsArg),
  ...args.filter((a) => a === '--no-render'),
];
if (only) childArgs.push('--only', only);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const load = loadavg()[0];
const t = performance.now();
const child = timeBin
  ? spawnSync(timeBin, ['-v', process.execPath, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 26 })
  : spawnSync(process.execPath, childArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
const wallMs = performance.now() - t;
if (child.status !== 0) {
  console.error(child.stderr);
  process.exit(1);
}
const run = JSON.parse(child.stdout.trim().split('\n').pop());
const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '')?.[1] ?? 0);
const mb = bytes / 1048576;
const s = (ms) => (ms / 1000).toFixed(2);
const rows = [
  ['threads', 1, `${threadsArg} (${availableParallelism()} cores)`],
  ['files', parseFiles || '', run.files],
  ['MB', parseMs ? mb.toFixed(1) : '', ''],
  ['wall seconds (process, start-up included)', parseMs ? s(parseMs) : '', s(wallMs)],
  [`  reference parse of the ${referenceFiles} not skipped`, referenceMs ? s(referenceMs) : '', ''],
  ['wall seconds (scan call)', '', s(run.wallMs)],
  ['CPU seconds (all threads)', '', s(run.cpuMs)],
  [
    'files/s',
    parseMs ? (parseFiles / (parseMs / 1000)).toFixed(0) : '',
    (run.files / (run.wallMs / 1000)).toFixed(0),
  ],
  [
    'MB/s',
    parseMs ? (mb / (parseMs / 1000)).toFixed(2) : '',
    parseMs ? (mb / (run.wallMs / 1000)).toFixed(2) : '',
  ],
  ['scan / bare one-thread parse', '', parseMs ? (run.wallMs / parseMs).toFixed(2) : ''],
  ['scan / reference one-thread parse', '', referenceMs ? (run.wallMs / referenceMs).toFixed(2) : ''],
  ['findings', '', run.findings],
  ['errors (parse, skipped, ...)', '', run.errors],
  ['peak RSS MB (scan process, workers included)', '', rssKb ? (rssKb / 1024).toFixed(0) : 'n/a'],
  ...Object.entries(run.stages).map(([stage, ms]) => [
    `  stage ${stage} (s, summed over threads)`,
    '',
    s(ms),
  ]),
];
for (const [k, a, b] of rows)
  console.log(`${String(k).padEnd(46)} ${String(a).padStart(10)} ${String(b).padStart(14)}`);
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {}
console.log(
  JSON.stringify({
    dir,
    commit,
    date: new Date().toISOString(),
    loadAverage: load,
    threads: threadsArg,
    files: run.files,
    mb: +mb.toFixed(2),
    parseMs: parseMs && Math.round(parseMs),
    referenceParseMs: referenceMs && Math.round(referenceMs),
    referenceFiles,
    wallMs: Math.round(wallMs),
    scanMs: Math.round(run.wallMs),
    cpuMs: Math.round(run.cpuMs),
    findings: run.findings,
    peakRssMb: Math.round(rssKb / 1024),
    stages: Object.fromEntries(Object.entries(run.stages).map(([k, v]) => [k, Math.round(v)])),
  }),
);
