#!/usr/bin/env node
// Start-up cost of the CLI as a user meets it: `--version`, one Dockerfile, the seed guide.
// Median (and min/max) of N runs of a fresh `node` process each, Node start-up included, for the
// workspace bin (packages/cli/dist) and, when built, the published one-file bundle
// (packages/cli/bundle, `npm run bundle -w @plumbline/cli`). Wall time depends on the machine's
// load; CPU seconds (user + sys of the child, from /proc) much less, so both are printed.
// Usage: node bench/startup.mjs [runs=10] [name=path/to/bin.js ...] (extra bins to compare, e.g.
// an older build). Build first (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 10);
const bins = [['workspace', 'packages/cli/dist/bin.js']];
if (existsSync(`${root}packages/cli/bundle/plumbline.js`))
  bins.push(['bundle', 'packages/cli/bundle/plumbline.js']);
for (const extra of process.argv.slice(3)) bins.push(extra.split('='));

const cases = [
  ['plumbline --version', ['--version']],
  ['audit one Dockerfile', ['audit', 'fixtures/seed-guide/Dockerfile', '--fail-on', 'none']],
  ['audit fixtures/seed-guide', ['audit', 'fixtures/seed-guide', '--fail-on', 'none']],
];

/** CPU seconds (user + sys) of the children this process has waited for; Linux only. */
function childCpu() {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // Fields 16 and 17 of stat(5) (cutime, cstime), counted from `state` (field 3) here.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = loadavg()[0];
const rows = [];
for (const [binName, bin] of bins) {
  for (const [name, args] of cases) {
    const times = [];
    const cpus = [];
    for (let i = 0; i < runs; i++) {
      const cpu = childCpu();
      const t = performance.now();
      const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'ignore' });
      times.push(performance.now() - t);
      cpus.push(childCpu() - cpu);
      if (run.status !== 0) throw new Error(`${name}: exit ${run.status}`);
    }
    times.sort((a, b) => a - b);
    rows.push({
      bin: binName,
      name,
      median: median(times),
      min: times[0],
      max: times.at(-1),
      cpu: median(cpus),
    });
  }
}

const pad = (s, n) => String(s).padEnd(n);
const s = (ms) => (ms / 1000).toFixed(2);
console.log(`load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; ${runs} runs each`);
console.log(
  `${pad('bin', 11)}${pad('what', 28)}${pad('median s', 10)}${pad('min s', 8)}${pad('max s', 8)}CPU s (median)`,
);
for (const r of rows)
  console.log(
    `${pad(r.bin, 11)}${pad(r.name, 28)}${pad(s(r.median), 10)}${pad(s(r.min), 8)}${pad(s(r.max), 8)}${r.cpu.toFixed(2)}`,
  );
console.log(JSON.stringify({ runs, node: process.version, load, results: rows }));
