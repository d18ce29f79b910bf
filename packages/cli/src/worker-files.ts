/**
 * Where the modules of the engine's worker threads are: the compiled `dist/` in a checkout (also
 * when sources run under a test runner), or the files the published bundle ships beside itself
 * (cli-main.ts says so before anything scans).
 */
let files: { setup: URL; engine?: URL } = { setup: new URL('../dist/engine-worker.js', import.meta.url) };

/** The bundle's folder holds `engine-worker.js` (rules, config) and `audit-worker.js` (the engine's). */
export function useBundledWorkers(dir: URL): void {
  files = { setup: new URL('engine-worker.js', dir), engine: new URL('audit-worker.js', dir) };
}

export function workerFiles(): { setup: URL; engine?: URL } {
  return files;
}
