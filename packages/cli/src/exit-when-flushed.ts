import module from 'node:module';

/**
 * Ends the process once standard output and error have handed everything written to the system,
 * without waiting for the rest of the event loop: after a large scan the worker threads take
 * 50-100 ms to tear down their heaps, and small runs end ~10 ms sooner too (bench/README.md,
 * fifteenth session). Pipes are asynchronous on POSIX, so a report may still be queued: the
 * callback of an empty write runs once everything before it is written. Nothing here holds the
 * process open, so a stream that never calls back leaves the usual exit.
 */
export function exitWhenFlushed(): void {
  let open = 2;
  const flushed = () => {
    if (--open > 0) return;
    // Node ≥ 22.10 writes its compile cache (compile-cache.ts) at a normal exit; this one is not.
    try {
      (module as { flushCompileCache?: () => void }).flushCompileCache?.();
    } catch {
      // A cache that cannot be written only costs speed.
    }
    process.exit();
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
