import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support/temp-dirs.js';
import { runTool, type ToolRun, WORKSPACE } from '../tool-run.js';
import { DiskRenderCache } from './disk-cache.js';

const tempDir = tempDirs('plumbline-cache-test-');

/**
 * A stand-in renderer: a shell script that logs each start to a file outside the workspace, then
 * prints its input, fails when told to, or hangs.
 */
function fakeTool(dir: string): { binary: string; starts: () => number } {
  const log = join(dir, 'starts.log');
  const binary = join(dir, 'render-tool');
  writeFileSync(
    binary,
    [
      '#!/bin/sh',
      `echo started >> '${log}'`,
      'case "$(cat "$1/input.yaml")" in',
      '  *hang*) exec sleep 10 ;;',
      `  *fail*) echo "cannot render $1/input.yaml: token=ghp_abcdefghijklmnopqrstuvwxyz0123456789" >&2; exit 3 ;;`,
      'esac',
      'echo "# from $1" | sed "s#$1#<ws>#"',
      'cat "$1/input.yaml"',
    ].join('\n'),
  );
  chmodSync(binary, 0o755);
  return {
    binary,
    starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0),
  };
}

const job = (binary: string, input: string, extra: Record<string, string> = {}): ToolRun => ({
  prefix: 'test',
  binary,
  args: [WORKSPACE],
  files: new Map(Object.entries({ 'input.yaml': input, ...extra })),
  timeoutMs: 10_000,
  maxOutput: 1 << 20,
});

describe('the render cache', () => {
  it('gives an unchanged run its earlier output without starting the tool', async () => {
    const tool = fakeTool(tempDir());
    const folder = join(tempDir(), 'render');
    const first = new DiskRenderCache(folder);
    expect(await runTool(job(tool.binary, 'kind: ConfigMap\n'), first)).toEqual({
      stdout: '# from <ws>\nkind: ConfigMap\n',
    });
    expect(tool.starts()).toBe(1);
    expect(first.stats).toEqual({ hits: 0, misses: 1, written: 1 });
    // Another scan (a new cache object, as in a new process), the same files in another order.
    const second = new DiskRenderCache(folder);
    const again = job(tool.binary, 'kind: ConfigMap\n');
    expect(await runTool(again, second)).toEqual({ stdout: '# from <ws>\nkind: ConfigMap\n' });
    expect(tool.starts()).toBe(1);
    expect(second.stats).toEqual({ hits: 1, misses: 0, written: 0 });
    // Private: rendered output holds whatever the values files hold.
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
  });

  it('runs again when a file, a path, the arguments or the binary changed', async () => {
    const tool = fakeTool(tempDir());
    const cache = new DiskRenderCache(join(tempDir(), 'render'));
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), cache);
    await runTool(job(tool.binary, 'kind: Secret\n'), cache);
    await runTool(job(tool.binary, 'kind: ConfigMap\n', { 'values.yaml': 'a: 1\n' }), cache);
    await runTool(job(tool.binary, 'kind: ConfigMap\n', { 'values2.yaml': 'a: 1\n' }), cache);
    await runTool({ ...job(tool.binary, 'kind: ConfigMap\n'), args: [WORKSPACE, '--strict'] }, cache);
    expect(tool.starts()).toBe(5);
    // An upgraded tool is another binary: same path, new modification time.
    const later = new Date(Date.now() + 60_000);
    utimesSync(tool.binary, later, later);
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), new DiskRenderCache(cache.folder));
    expect(tool.starts()).toBe(6);
  });

  it('with binaryByContent, knows a tool installed afresh with the same bytes, and not one whose bytes changed', async () => {
    const tool = fakeTool(tempDir());
    const folder = join(tempDir(), 'render');
    await runTool(
      job(tool.binary, 'kind: ConfigMap\n'),
      new DiskRenderCache(folder, { binaryByContent: true }),
    );
    expect(tool.starts()).toBe(1);
    // The next run's machine downloads the same tool again: a new file, a new modification time.
    const bytes = readFileSync(tool.binary);
    rmSync(tool.binary);
    writeFileSync(tool.binary, bytes, { mode: 0o755 });
    const later = new Date(Date.now() + 60_000);
    utimesSync(tool.binary, later, later);
    const restored = new DiskRenderCache(folder, { binaryByContent: true });
    expect(await runTool(job(tool.binary, 'kind: ConfigMap\n'), restored)).toEqual({
      stdout: '# from <ws>\nkind: ConfigMap\n',
    });
    expect(restored.stats).toEqual({ hits: 1, misses: 0, written: 0 });
    expect(tool.starts()).toBe(1);
    // Keyed by path, size, mtime and inode (the CLI's), the same bytes are another binary.
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), new DiskRenderCache(folder));
    expect(tool.starts()).toBe(2);
    // Other bytes at the same path: another tool.
    writeFileSync(tool.binary, `${bytes.toString('utf8')}\n# 1.1\n`, { mode: 0o755 });
    await runTool(
      job(tool.binary, 'kind: ConfigMap\n'),
      new DiskRenderCache(folder, { binaryByContent: true }),
    );
    expect(tool.starts()).toBe(3);
  });

  it('keeps a failure as its cleaned message, and never a run that was stopped', async () => {
    const tool = fakeTool(tempDir());
    const cache = new DiskRenderCache(join(tempDir(), 'render'));
    const failed = await runTool(job(tool.binary, 'fail: please\n'), cache);
    expect(failed).toEqual({
      error: expect.stringMatching(/^cannot render \/input\.yaml: toke\*+ \(\d+ chars, redacted\)$/),
    });
    expect(await runTool(job(tool.binary, 'fail: please\n'), cache)).toEqual(failed);
    expect(tool.starts()).toBe(1);
    // Nothing on disk holds the secret or the temp path the tool printed.
    for (const name of readdirSync(cache.folder)) {
      const stored = readFileSync(join(cache.folder, name), 'latin1');
      expect(stored).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
      expect(stored).not.toContain('plumbline-test-');
    }
    // A time-out says more about the machine than about the files.
    const hang = { ...job(tool.binary, 'hang: yes\n'), timeoutMs: 300 };
    expect(await runTool(hang, cache)).toEqual({ error: expect.stringMatching(/^timed out after 0\.3 s/) });
    expect(await runTool({ ...hang }, cache)).toEqual({ error: expect.stringMatching(/^timed out/) });
    expect(tool.starts()).toBe(3);
    // A binary that is not there is not keyed at all.
    const missing = job(join(tempDir(), 'no-such-tool'), 'kind: ConfigMap\n');
    expect(await runTool(missing, cache)).toEqual({ error: expect.stringMatching(/ENOENT|not found/) });
    expect(cache.stats.written).toBe(1);
  });

  it('treats a damaged entry as a miss and writes it anew', async () => {
    const tool = fakeTool(tempDir());
    const folder = join(tempDir(), 'render');
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), new DiskRenderCache(folder));
    const [entry] = readdirSync(folder);
    const path = join(folder, entry!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3] ^= 0x20; // ConfigMap → ConfigmaP: the checksum no longer holds
    writeFileSync(path, bytes);
    const cache = new DiskRenderCache(folder);
    expect(await runTool(job(tool.binary, 'kind: ConfigMap\n'), cache)).toEqual({
      stdout: '# from <ws>\nkind: ConfigMap\n',
    });
    expect(cache.stats).toEqual({ hits: 0, misses: 1, written: 1 });
    writeFileSync(path, 'PLRC1');
    expect(new DiskRenderCache(folder).get(job(tool.binary, 'kind: ConfigMap\n'))).toBeUndefined();
    expect(tool.starts()).toBe(2);
  });

  it('works without a writable folder: every run starts the tool', async () => {
    const tool = fakeTool(tempDir());
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const cache = new DiskRenderCache(join(file, 'render'));
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), cache);
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), cache);
    expect(tool.starts()).toBe(2);
    expect(cache.stats.written).toBe(0);
    expect(cache.prune()).toBe(0);
  });
});

describe('pruning the render cache', () => {
  const day = 24 * 60 * 60 * 1000;
  const entry = (folder: string, n: number, size: number, usedDaysAgo: number): string => {
    const path = join(folder, `${n.toString(16).padStart(40, '0')}.run`);
    writeFileSync(path, Buffer.alloc(size));
    const used = new Date(Date.now() - usedDaysAgo * day);
    utimesSync(path, used, used);
    return path;
  };

  it('removes what was not used for two weeks, then the least recently used over the limit', async () => {
    const tool = fakeTool(tempDir());
    const folder = join(tempDir(), 'render');
    const cache = new DiskRenderCache(folder, { maxBytes: 7_000 });
    expect(cache.prune()).toBe(0); // nothing written this run: the folder is not even listed
    await runTool(job(tool.binary, 'kind: ConfigMap\n'), cache);
    const stale = entry(folder, 1, 100, 15);
    const oldest = entry(folder, 2, 4_000, 10);
    const older = entry(folder, 3, 4_000, 5);
    const recent = entry(folder, 4, 4_000, 1);
    const abandoned = join(folder, `${'5'.repeat(40)}.run.123.1.tmp`);
    writeFileSync(abandoned, 'half');
    utimesSync(
      abandoned,
      new Date(Date.now() - 2 * 60 * 60 * 1000),
      new Date(Date.now() - 2 * 60 * 60 * 1000),
    );
    const notOurs = join(folder, 'notes.txt');
    writeFileSync(notOurs, 'kept');
    utimesSync(notOurs, new Date(0), new Date(0));
    mkdirSync(join(tempDir(), 'elsewhere'));
    symlinkSync(join(tempDir(), 'elsewhere'), join(folder, `${'6'.repeat(40)}.run`));

    expect(cache.prune()).toBe(4);
    const left = new Set(readdirSync(folder).map((n) => join(folder, n)));
    expect([stale, oldest, older, abandoned].filter((p) => left.has(p))).toEqual([]);
    expect(left.has(recent)).toBe(true);
    expect(left.has(notOurs)).toBe(true);
    expect(left.has(join(folder, `${'6'.repeat(40)}.run`))).toBe(true);
    // The run just written is the most recently used: it stays.
    expect([...left].filter((p) => p.endsWith('.run')).length).toBe(3);
  });
});
