/**
 * `PLUMBLINE_POOL_DEBUG=1`: one stderr line per step of a scan, with the milliseconds since the
 * process started (`performance.now()`), so the main thread's serial steps before and after the
 * worker pool can be read beside the pool's lines (prefixed apart: tests read `plumbline pool:`).
 */
export function debugTimeline(step: string, at = performance.now()): void {
  if (process.env.PLUMBLINE_POOL_DEBUG)
    process.stderr.write(`plumbline timeline: ${step} at ${Math.round(at)} ms (process)\n`);
}
