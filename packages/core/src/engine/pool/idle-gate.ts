import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * A gate on the shards offered while Helm and kustomize run: a worker claims one only while a core
 * is idle, until the main thread opens the gate (rendering is done). On two cores the tools keep
 * both busy when they really run: a worker beside them only slowed rendering down (the corpus,
 * empty render cache: 58.7 → 64.1 s), while with a warm cache the tools hardly run and a core
 * waits (25.5 → 23.1 s). One shared slot: 0 while rendering, 1 once open.
 */
export type IdleGate = Int32Array;

export function newIdleGate(): IdleGate {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Rendering is done: workers claim without looking at the cores any more. */
export function openGate(gate: IdleGate): void {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
}

/** How long one look at the cores lasts. */
const SAMPLE_MS = 100;

/** Idle cores this many of one at least: a core the tools leave now and then is not idle. */
const IDLE_CORES = 0.75;

/**
 * Waits (blocking this worker thread, which has nothing else to do) until a core is idle or the
 * gate opens. Where the machine does not say how busy it is (no `/proc/stat`), until the gate opens.
 * `times` reads the machine's CPU times (tests give their own).
 */
export function waitForIdleCore(gate: IdleGate, cores = availableParallelism(), times = cpuTimes): void {
  let before = times();
  while (Atomics.load(gate, 0) === 0) {
    // Bounded even without stats: a thread blocked here for good could not be ended.
    Atomics.wait(gate, 0, 0, before ? SAMPLE_MS : 1000);
    const after = times();
    if (!before || !after) continue;
    const total = after.total - before.total;
    if (total > 0 && ((after.idle - before.idle) / total) * cores >= IDLE_CORES) return;
    before = after;
  }
}

/** The machine's CPU time so far, all cores, in clock ticks: in all and idle (Linux). */
export function cpuTimes(): { total: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    if (!line.startsWith('cpu ') || ticks.length < 4 || ticks.some(Number.isNaN)) return undefined;
    // user nice system idle iowait irq softirq steal (guest time is counted in user already).
    const total = ticks.slice(0, 8).reduce((n, t) => n + t, 0);
    return { total, idle: ticks[3]! + (ticks[4] ?? 0) };
  } catch {
    return undefined;
  }
}
