/**
 * Runs the built CLI's entry function (`runCli` of dist/program.js, what dist/bin.js calls) in the
 * test's own process, with stdout and stderr captured and the exit code returned. A child process
 * costs about a second of Node start-up per run; the tests that are about the process itself (the
 * bin's exit code, loaded modules, the packed package) keep spawning it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = new URL('../../../../', import.meta.url).pathname;
/** The workspace build's bin (`npm run audit`): for what only its process shows (loaded modules, exit codes). */
export const builtBin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
/**
 * The bundle an installed CLI runs (`node scripts/bundle.mjs`, part of the package's build): the
 * tests that spawn a scan to compare whole reports run it. It starts in ~0.4 CPU-s where the
 * workspace build's ~300 modules take ~1.5 (and again in every worker thread): most of what
 * those tests cost.
 */
export const bundledBin = join(repoRoot, 'packages', 'cli', 'bundle', 'plumbline.js');
/**
 * The environment for spawning the bundle: its V8 code caches go to a folder of this test run,
 * never the user's (shared by the runs of one test process, so they start from the cache).
 */
export function bundledEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  codeCacheHome ??= mkdtempSync(join(tmpdir(), 'plumbline-test-cache-'));
  return { ...process.env, XDG_CACHE_HOME: codeCacheHome, ...extra };
}
let codeCacheHome: string | undefined;

type RunCli = (
  argv: string[],
  io: {
    cwd: string;
    env: Record<string, string | undefined>;
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): void };
  },
) => Promise<number>;

let loaded: Promise<RunCli> | undefined;
/**
 * The workspace build's `runCli`, whose worker threads (`--threads`, `org scan`) load the bundle's
 * worker files: a `dist/` worker imports ~300 modules (~1.5 CPU-s) where the bundle's starts in
 * ~0.4, and the in-process tests start dozens. Both are built from the same sources in one build.
 */
function builtRunCli(): Promise<RunCli> {
  const dist = (file: string) => pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist', file)).href;
  loaded ??= (async () => {
    const { useBundledWorkers } = (await import(dist('worker-files.js'))) as {
      useBundledWorkers(dir: URL): void;
    };
    useBundledWorkers(pathToFileURL(join(repoRoot, 'packages', 'cli', 'bundle', '/')));
    const { runCli } = (await import(dist('program.js'))) as { runCli: RunCli };
    // V8 flags a scan sets for itself (the JIT budget of `org scan`, of a large audit) go back
    // after each run, as the bin puts them back before its code cache: the next test file
    // in this worker runs as it would alone.
    const { beforeCodeCache } = (await import(dist('cli-main.js'))) as { beforeCodeCache(): void };
    return (async (argv, io) => {
      try {
        return await runCli(argv, io);
      } finally {
        beforeCodeCache();
      }
    }) as RunCli;
  })();
  return loaded;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `plumbline ...args` in `cwd` with the environment of the test plus `env` (NO_COLOR set, as in
 * the child-process tests). With `PLUMBLINE_POOL_DEBUG` in `env`, the scan's debug lines come back
 * in `stderr` as from a child: the engine reads that setting from `process.env` and writes the
 * lines to the process's stderr, so for the run both are the test's (see `processDebug`).
 */
export async function runBuiltCli(
  args: string[],
  cwd = repoRoot,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const runCli = await builtRunCli();
  let stdout = '';
  let stderr = '';
  const append = (text: string) => {
    stderr += text;
  };
  const run = () =>
    runCli(args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdout: {
        write: (text: string) => {
          stdout += text;
          return true;
        },
      },
      stderr: { write: append },
    });
  const code = env.PLUMBLINE_POOL_DEBUG
    ? await processDebug(env.PLUMBLINE_POOL_DEBUG, append, run)
    : await run();
  return { code, stdout, stderr };
}

/**
 * Runs `run` with `PLUMBLINE_POOL_DEBUG` set in `process.env` and what is written to
 * `process.stderr` (the debug lines, a worker thread's output) handed to `capture`; both as they
 * were afterwards. A test worker runs one test at a time, so nothing else writes there meanwhile.
 */
async function processDebug<T>(
  setting: string,
  capture: (text: string) => void,
  run: () => Promise<T>,
): Promise<T> {
  const saved = process.env.PLUMBLINE_POOL_DEBUG;
  const write = process.stderr.write;
  process.env.PLUMBLINE_POOL_DEBUG = setting;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    capture(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stderr.write;
  try {
    return await run();
  } finally {
    process.stderr.write = write;
    if (saved === undefined) delete process.env.PLUMBLINE_POOL_DEBUG;
    else process.env.PLUMBLINE_POOL_DEBUG = saved;
  }
}
