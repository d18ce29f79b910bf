#!/usr/bin/env node
// Start-up cost of the CLI as a user meets it: `--version`, one Dockerfile, the seed guide.
// Median (and min/max) of N runs of a fresh `node` process each, Node start-up included.
// Usage: node bench/startup.mjs [runs=10]. Build first (npm run build).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'packages/cli/dist/bin.js';
const runs = Number(process.argv[2] ?? 10);

const cases = [
  ['plumbline --version', [bin, '--version']],
  ['audit one Dockerfile', [bin, 'audit', 'fixtures/seed-guide/Dockerfile', '--fail-on', 'none']],
  ['audit fixtures/seed-guide', [bin, 'audit', 'fixtures/seed-guide', '--fail-on', 'none']],
];

const rows = [];
for (const [name, argv] of cases) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, argv, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`${name}: exit ${run.status}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  rows.push({ name, median, min: times[0], max: times.at(-1) });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('what', 28)}${pad('median s', 10)}${pad('min s', 8)}max s`);
for (const r of rows)
  console.log(
    `${pad(r.name, 28)}${pad((r.median / 1000).toFixed(2), 10)}${pad((r.min / 1000).toFixed(2), 8)}${(r.max / 1000).toFixed(2)}`,
  );
console.log(JSON.stringify({ runs, node: process.version, results: rows }));
