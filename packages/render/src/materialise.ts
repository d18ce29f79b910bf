import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A private temp folder holding copies of the files a renderer needs; removed by `dispose`. */
export interface Workspace {
  dir: string;
  dispose(): Promise<void>;
}

export async function createWorkspace(prefix: string): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), `plumbline-${prefix}-`));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Writes files (read through the FileSource, so links were never followed) under the workspace at
 * their relative paths. A path that would leave the workspace is refused.
 */
export async function materialise(dir: string, files: Iterable<[string, Buffer | string]>): Promise<void> {
  for (const [path, content] of files) {
    const parts = path.split('/');
    if (path.startsWith('/') || parts.some((p) => p === '..' || p === '')) continue;
    const target = join(dir, ...parts);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, { flag: 'wx' }).catch(() => undefined);
  }
}
