/**
 * `PLUMBLINE_POOL_DEBUG=1`: one stderr line per step of a scan, with the milliseconds since the
 * process started (`performance.now()`) and the process's memory then (resident, this thread's
 * heap in use, and memory outside the heaps: buffers, wasm), so the main thread's serial steps
 * before and after the worker pool can be read beside the pool's lines (prefixed apart: tests read
 * `plumbline pool:`).
 */
export function debugTimeline(step: string, at = performance.now()): void {
  if (!process.env.PLUMBLINE_POOL_DEBUG) return;
  const { rss, heapUsed, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  process.stderr.write(
    `plumbline timeline: ${step} at ${Math.round(at)} ms (process), rss ${mb(rss)} MB, heap ${mb(heapUsed)} MB, external ${mb(external)} MB\n`,
  );
}
