#!/usr/bin/env node
// Interleaved A/B of CLI bins on a whole scan (default ../shared/corpus, `--no-render`): each
// round runs every bin in turn, so load on a shared machine hits them alike. Prints each run and
// the medians of wall and CPU seconds (user + sys of the child and its threads, from /proc) and
// peak RSS, and whether every bin's JSON report is the same (`durationMs` set to 0). V8 code caches
// go to a temporary XDG_CACHE_HOME, warmed by one untimed run of each bin.
// Usage: node bench/scan-ab.mjs [rounds=3] [--threads N] [--dir path] [--render] name=path/to/bin.js[,--node-flag...] ...
// (`--render`: Helm charts and kustomizations rendered, Helm from PLUMBLINE_HELM or PATH;
// `--no-warm`: no untimed first run, for long scans.)
// e.g. node bench/scan-ab.mjs 3 --threads 2 before=/tmp/old/bundle/plumbline.js after=packages/cli/bundle/plumbline.js
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const take = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const threads = take('--threads', '2');
/** Takes a flag without a value out of the arguments: whether it was there. */
const has = (flag) => {
  const at = args.indexOf(flag);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const warm = !has('--no-warm');
const render = has('--render');
const dir = take('--dir', fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
const rounds = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 3;
const bins = args.map((arg) => {
  const [name, rest] = arg.split(/=(.*)/s);
  const [bin, ...flags] = rest.split(',');
  return { name, bin, flags };
});
if (bins.length === 0)
  throw new Error('usage: node bench/scan-ab.mjs [rounds] [--threads N] name=bin.js ...');
const cacheHome = mkdtempSync(join(tmpdir(), 'plumbline-scan-ab-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** CPU seconds (user + sys) of the children this process has waited for; Linux only. */
function childCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One scan: wall and CPU seconds, peak RSS MB, and a hash of the report without timings. */
function run({ bin, flags }) {
  const argv = [
    ...flags,
    bin,
    'audit',
    dir,
    ...(render ? [] : ['--no-render']),
    '--format',
    'json',
    '--fail-on',
    'none',
    '--threads',
    threads,
  ];
  const cpu = childCpu();
  const t = performance.now();
  const child = timeBin
    ? spawnSync(timeBin, ['-f', '%M', process.execPath, ...argv], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      })
    : spawnSync(process.execPath, argv, {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      });
  const wall = (performance.now() - t) / 1000;
  if (child.status !== 0) throw new Error(`${bin} exited ${child.status}: ${child.stderr}`);
  const report = JSON.parse(child.stdout);
  const zero = (o) => {
    if (!o || typeof o !== 'object') return;
    for (const k in o) {
      if (k === 'durationMs') o[k] = 0;
      else zero(o[k]);
    }
  };
  zero(report);
  const rss = timeBin ? Number(child.stderr.trim().split('\n').pop()) / 1024 : Number.NaN;
  return {
    wall,
    cpu: childCpu() - cpu,
    rss,
    hash: createHash('md5').update(JSON.stringify(report)).digest('hex').slice(0, 8),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
try {
  if (warm) for (const b of bins) run(b);
  const runs = new Map(bins.map((b) => [b.name, []]));
  for (let r = 0; r < rounds; r++)
    for (const b of bins) {
      const one = run(b);
      runs.get(b.name).push(one);
      console.log(
        `round ${r + 1} ${b.name.padEnd(10)} ${one.wall.toFixed(2)} s  ${one.cpu.toFixed(2)} CPU-s  ${one.rss.toFixed(0)} MB  ${one.hash}  load ${loadavg()[0].toFixed(1)}`,
      );
    }
  console.log(`\n${threads} thread(s), ${rounds} rounds, ${dir}${render ? ', rendered' : ''}`);
  for (const [name, list] of runs) {
    const hashes = [...new Set(list.map((x) => x.hash))].join(',');
    console.log(
      `${name.padEnd(10)} median ${median(list.map((x) => x.wall)).toFixed(2)} s  ${median(list.map((x) => x.cpu)).toFixed(2)} CPU-s  ${median(list.map((x) => x.rss)).toFixed(0)} MB  report ${hashes}`,
    );
  }
} finally {
  rmSync(cacheHome, { recursive: true, force: true });
}
