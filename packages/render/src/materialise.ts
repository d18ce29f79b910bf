import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Synchronous, like the FileSource's reads: a workspace is tens of small files in the local temp
// folder, where each call takes microseconds; awaited, each went through the thread pool (on the
// corpus, ~800 workspaces cost ~3 s of the main thread in promise and file-handle bookkeeping,
// and as much again in the pool's threads).

/** A private temp folder holding copies of the files a renderer needs; removed by `dispose`. */
export interface Workspace {
  dir: string;
  dispose(): Promise<void>;
}

export async function createWorkspace(prefix: string): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), `plumbline-${prefix}-`));
  return {
    dir,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Writes files (read through the FileSource, so links were never followed) under the workspace at
 * their relative paths. A path that would leave the workspace is refused; a path written twice
 * keeps its first content.
 */
export async function materialise(dir: string, files: Iterable<[string, Buffer | string]>): Promise<void> {
  const made = new Set<string>();
  for (const [path, content] of files) {
    const parts = path.split('/');
    if (path.startsWith('/') || parts.some((p) => p === '..' || p === '')) continue;
    const target = join(dir, ...parts);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      writeFileSync(target, content, { flag: 'wx' });
    } catch {
      // already written (the first copy stays), or a folder of that name: left out, as before
    }
  }
}
