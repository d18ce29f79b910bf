import { describe, expect, it } from 'vitest';
import { runProcess, scrubbedEnv } from './process.js';
import { tempDirs } from './test-support/temp-dirs.js';

const workspace = tempDirs('plumbline-process-');

/** The environment a child really receives, as `env` prints it. */
async function environmentSeenBy(env: NodeJS.ProcessEnv, cwd: string): Promise<Map<string, string>> {
  const run = await runProcess('/usr/bin/env', [], { cwd, env, timeoutMs: 10_000, maxOutput: 1 << 20 });
  expect(run.code).toBe(0);
  return new Map(
    run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('the renderers’ process environment', () => {
  it('passes nothing of ours: no token, no Go or Helm setting from the caller', async () => {
    const dir = workspace();
    const saved = { ...process.env };
    process.env.GITHUB_TOKEN = 'ghp_not-a-real-token-but-it-must-stay-here';
    process.env.GOGC = '50';
    process.env.HELM_PLUGINS = '/home/someone/.helm/plugins';
    try {
      const seen = await environmentSeenBy(scrubbedEnv(dir), dir);
      expect(seen.has('GITHUB_TOKEN')).toBe(false);
      expect(seen.get('HELM_PLUGINS')).toBe(`${dir}/.helm/plugins`);
      expect(seen.get('HOME')).toBe(dir);
      expect(seen.get('HTTPS_PROXY')).toBe('http://127.0.0.1:9');
      expect(
        [...seen.keys()].every((name) =>
          /^(PATH|HOME|HELM_\w+|KUBECONFIG|XDG_\w+|HTTPS?_PROXY|NO_PROXY|GOGC)$/.test(name),
        ),
      ).toBe(true);
    } finally {
      process.env = saved;
    }
  });

  it('lets Go collect at five times the live heap (short-lived renders collected several times over)', async () => {
    const dir = workspace();
    const seen = await environmentSeenBy(scrubbedEnv(dir), dir);
    expect(seen.get('GOGC')).toBe('400');
  });

  it('stops a process whose output passes the cap, and says why', async () => {
    const dir = workspace();
    const run = await runProcess('/usr/bin/yes', ['plumbline'], {
      cwd: dir,
      env: scrubbedEnv(dir),
      timeoutMs: 10_000,
      maxOutput: 64 * 1024,
    });
    expect(run.stopped).toBe(`output over ${64 * 1024} bytes`);
    expect(run.stdout.length).toBeLessThanOrEqual(64 * 1024);
  });
});
