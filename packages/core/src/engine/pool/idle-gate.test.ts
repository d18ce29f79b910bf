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

  it('lets a worker through while the gate is shut once a core is idle', () => {
    const gate = newIdleGate();
    if (!cpuTimes()) return;
    // Counted as a thousand cores, any idle tick is more than a core: it returns after a look or two.
    const started = performance.now();
    waitForIdleCore(gate, 1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(Atomics.load(gate, 0)).toBe(0);
  });
});
