import { describe, expect, it } from 'vitest';
import { cpuTimes, newIdleGate, openGate, waitForIdleCore } from './idle-gate.js';

describe('idle gate', () => {
  it('reads how much CPU time the machine spent, and how much of it idle', () => {
    const before = cpuTimes();
    if (process.platform !== 'linux') return expect(before).toBeUndefined();
    expect(before!.total).toBeGreaterThan(0);
    expect(before!.idle).toBeLessThanOrEqual(before!.total);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    const after = cpuTimes()!;
    expect(after.total).toBeGreaterThanOrEqual(before!.total);
  });

  it('lets a worker through at once when the gate is open, whatever the cores do', () => {
    const gate = newIdleGate();
    openGate(gate);
    const started = performance.now();
    // No core counts as idle here: only the open gate lets it through.
    waitForIdleCore(gate, 0);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('lets a worker through while the gate is shut once a core is idle, and not before', () => {
    const gate = newIdleGate();
    // The machine's CPU times, as /proc/stat would give them on two cores: two looks with both
    // cores busy (5 % idle: a tenth of a core), then one with one core idle. The real machine may
    // never idle while the suite runs, so its own times would make this wait on the load.
    const samples = [
      { total: 0, idle: 0 },
      { total: 20, idle: 1 },
      { total: 40, idle: 2 },
      { total: 60, idle: 12 },
    ];
    let looks = 0;
    const started = performance.now();
    waitForIdleCore(gate, 2, () => samples[Math.min(looks++, samples.length - 1)]);
    expect(looks).toBe(4);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 90);
    expect(Atomics.load(gate, 0)).toBe(0);
  });
});
