import { spawnSync } from 'node:child_process';

/**
 * The files git tracks under `dir`, relative to it, or undefined outside a git work tree.
 * Inside one, tracked files are always scanned: a `.gitignore` of `*` added by a pull request
 * must not hide the files it changes. A fixed argv, no shell, `--` before the (empty) pathspec;
 * fsmonitor hooks are turned off so listing runs nothing of the repository's.
 */
export function gitTrackedFiles(dir: string): Set<string> | undefined {
  const result = spawnSync('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--'], {
    cwd: dir,
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (result.status !== 0 || !result.stdout) return undefined;
  const files = result.stdout.toString('utf8').split('\0').filter(Boolean);
  return new Set(files);
}
