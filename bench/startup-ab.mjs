#!/usr/bin/env node
// Interleaved A/B of CLI bins on the start-up cases of bench/startup.mjs: each round runs every
// case with every bin in turn, so load on a shared machine hits all bins alike. Medians of wall
// and CPU seconds (user + sys of the child, from /proc). V8 code caches go to a temporary
// XDG_CACHE_HOME, warmed by one run of each case before timing.
// Usage: node bench/startup-ab.mjs [rounds=10] name=path/to/bin.js[,VAR:value...] ...
// e.g. node bench/startup-ab.mjs 12 before=/tmp/old/bundle/plumbline.js \
//        cached=packages/cli/bundle/plumbline.js nocache=packages/cli/bundle/plumbline.js,NODE_DISABLE_COMPILE_CACHE:1
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 10);
const bins = process.argv.slice(3).map((arg) => {
  const [name, rest] = arg.split(/=(.*)/s);
  const [bin, ...vars] = rest.split(',');
  return { name, bin, env: Object.fromEntries(vars.map((v) => v.split(/:(.*)/s).slice(0, 2))) };
});
const cases = [
  ['plumbline --version', ['--version']],
  ['audit one Dockerfile', ['audit', 'fixtures/seed-guide/Dockerfile', '--fail-on', 'none']],
  ['audit fixtures/seed-guide', ['audit', 'fixtures/seed-guide', '--fail-on', 'none']],
];
const cacheHome = mkdtempSync(join(tmpdir(), 'plumbline-startup-ab-'));

/** CPU seconds (user + sys) of the children this process has waited for; Linux only. */
function childCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
function run(bin, args) {
  const cpu = childCpu();
  const t = performance.now();
  const child = spawnSync(process.execPath, [bin.bin, ...args], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...bin.env },
  });
  if (child.status !== 0) throw new Error(`${bin.name} ${args.join(' ')}: exit ${child.status}`);
  return [performance.now() - t, childCpu() - cpu];
}

for (const [, args] of cases) for (const bin of bins) run(bin, args);
const load = loadavg()[0];
const times = new Map();
for (let r = 0; r < rounds; r++)
  for (const [name, args] of cases)
    for (const bin of bins) {
      const key = `${bin.name}\t${name}`;
      times.set(key, [...(times.get(key) ?? []), run(bin, args)]);
    }
rmSync(cacheHome, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; ${rounds} rounds`);
console.log('| bin | what | median wall s | min wall s | median CPU s |\n|---|---|---:|---:|---:|');
for (const [key, xs] of times) {
  const [bin, name] = key.split('\t');
  const walls = xs.map((x) => x[0] / 1000);
  console.log(
    `| ${bin} | ${name} | ${median(walls).toFixed(3)} | ${Math.min(...walls).toFixed(3)} | ${median(xs.map((x) => x[1])).toFixed(2)} |`,
  );
}
