/**
 * Where the modules of the worker threads are: the compiled `dist/` in a checkout (also when
 * sources run under a test runner), or the files the published bundle ships beside itself
 * (cli-main.ts says so before anything scans).
 */
let files: { setup: URL; engine?: URL } = { setup: new URL('../dist/engine-worker.js', import.meta.url) };

/**
 * `org scan`: the auditor module its worker threads import, and in the bundle the worker module
 * itself (in a checkout @plumbline/org finds its own compiled worker beside it).
 */
let org: { auditor: URL; worker?: URL } = { auditor: new URL('../dist/org-auditor.js', import.meta.url) };

/**
 * The bundle's folder holds `engine-worker.js` (rules, config), `audit-worker.js` (the engine's),
 * `org-worker.js` and `org-auditor.js` (`org scan`'s).
 */
export function useBundledWorkers(dir: URL): void {
  files = { setup: new URL('engine-worker.js', dir), engine: new URL('audit-worker.js', dir) };
  org = { auditor: new URL('org-auditor.js', dir), worker: new URL('org-worker.js', dir) };
}

export function workerFiles(): { setup: URL; engine?: URL } {
  return files;
}

export function orgWorkerFiles(): { auditor: URL; worker?: URL } {
  return org;
}
