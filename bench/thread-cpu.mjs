#!/usr/bin/env node
// CPU seconds per thread of one command (Linux: /proc/<pid>/task/*/stat, read every 50 ms until
// it exits; the last reading of each thread counts, so a thread's final < 50 ms may be missed).
// Shows what `time` cannot: how much of a scan's CPU is its own threads (the main thread and the
// engine's workers) and how much V8's background threads (TurboFan compiles, concurrent GC); that
// is how the JIT budget of packages/cli/src/jit-budget.ts was found (bench/README.md).
// Usage: node bench/thread-cpu.mjs -- node packages/cli/bundle/plumbline.js audit ../shared/corpus --no-render --threads 2
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const dash = process.argv.indexOf('--');
const [command, ...args] = process.argv.slice(dash < 0 ? 2 : dash + 1);
if (!command) throw new Error('usage: node bench/thread-cpu.mjs -- <command> [args...]');
const ticksPerSecond = 100; // USER_HZ on Linux

const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const threads = new Map();
const started = performance.now();

function sample() {
  let tids;
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat(5); `fields` starts at field 3.
      const ticks = Number(fields[11]) + Number(fields[12]);
      threads.set(tid, { name, seconds: ticks / ticksPerSecond });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

const timer = setInterval(sample, 50);
sample();
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const main = threads.get(String(child.pid));
  const others = [...threads].filter(([tid]) => tid !== String(child.pid)).map(([, t]) => t);
  others.sort((a, b) => b.seconds - a.seconds);
  const total = [...threads.values()].reduce((sum, t) => sum + t.seconds, 0);
  console.log(
    `exit ${code}, wall ${wall.toFixed(2)} s, CPU ${total.toFixed(2)} s in ${threads.size} threads`,
  );
  console.log(`  main thread                ${main ? main.seconds.toFixed(2) : '?'} s`);
  for (const t of others.filter((t) => t.seconds >= 0.05))
    console.log(`  ${t.name.padEnd(26)} ${t.seconds.toFixed(2)} s`);
  console.log(
    '  (other threads: the engine workers, V8 platform threads compiling and collecting garbage, libuv)',
  );
});
