import type { RenderCache } from './cache/render-cache.js';
import { createWorkspace, materialise } from './materialise.js';
import { runProcess, scrubbedEnv } from './process.js';
import { cleanMessage } from './redact-message.js';

/** Stands for the private workspace's path in a tool's arguments (the path differs every run). */
export const WORKSPACE = '\0workspace';

/** One renderer process: the files it needs and the command, independent of where it runs. */
export interface ToolRun {
  /** Names the workspace folder (`plumbline-<prefix>-…`). */
  prefix: string;
  binary: string;
  /** Arguments; WORKSPACE in them becomes the workspace's path. */
  args: readonly string[];
  /** Files copied into the workspace, by path relative to it. */
  files: ReadonlyMap<string, Buffer | string>;
  timeoutMs: number;
  /** Bytes of standard output kept before the process is killed. */
  maxOutput: number;
}

/** What a run gave: its standard output, or an error message fit for a report (no temp paths, redacted). */
export type ToolOutcome = { stdout: string } | { error: string };

/**
 * Runs a tool in a private copy of its files (argv only, scrubbed environment, bounded), or takes
 * the outcome of the same run from the cache. A run stopped early (time-out, output cap, a binary
 * that would not start) is never cached: it says more about the machine than about the files.
 */
export async function runTool(run: ToolRun, cache?: RenderCache): Promise<ToolOutcome> {
  const cached = cache?.get(run);
  if (cached) return cached;
  const workspace = await createWorkspace(run.prefix);
  try {
    await materialise(workspace.dir, run.files);
    const result = await runProcess(
      run.binary,
      run.args.map((arg) => arg.split(WORKSPACE).join(workspace.dir)),
      {
        cwd: workspace.dir,
        env: scrubbedEnv(workspace.dir),
        timeoutMs: run.timeoutMs,
        maxOutput: run.maxOutput,
      },
    );
    if (result.stopped) return { error: cleanMessage(`${result.stopped}. ${result.stderr}`, workspace.dir) };
    const outcome =
      result.code === 0 ? { stdout: result.stdout } : { error: cleanMessage(result.stderr, workspace.dir) };
    cache?.set(run, outcome);
    return outcome;
  } finally {
    await workspace.dispose();
  }
}
