/**
 * Runs the built CLI's entry function (`runCli` of dist/program.js, what dist/bin.js calls) in the
 * test's own process, with stdout and stderr captured and the exit code returned. A child process
 * costs about a second of Node start-up per run; the tests that are about the process itself (the
 * bin's exit code, loaded modules, the packed package) keep spawning it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = new URL('../../../../', import.meta.url).pathname;
export const builtBin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

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
function builtRunCli(): Promise<RunCli> {
  loaded ??= import(pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist', 'program.js')).href).then(
    (m: { runCli: RunCli }) => m.runCli,
  );
  return loaded;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `plumbline ...args` in `cwd` with the environment of the test plus `env` (NO_COLOR set, as in the child-process tests). */
export async function runBuiltCli(
  args: string[],
  cwd = repoRoot,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const runCli = await builtRunCli();
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}
