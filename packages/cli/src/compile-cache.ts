import module from 'node:module';

/**
 * Turns on V8's on-disk compile cache (Node ≥ 22.1) so later runs skip compiling the CLI's
 * modules; Node 20 has no such API and runs as before. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 * Only modules imported after this call are cached: the bins import the program dynamically.
 */
export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // A cache directory that cannot be written only costs speed.
  }
}
