import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource, MemoryFileSource } from './file-source.js';
import { compareWalkOrder } from './walk-order.js';

// Names where the order of plain paths and the order of a walk disagree: `a/b.yaml` < `a-b.yaml`
// < `a.yaml` as strings, and a folder's files come before its subfolders in a walk.
const PATHS = [
  'a.yaml',
  'a-b.yaml',
  'a/b.yaml',
  'a/z.yaml',
  'a/x/d.yaml',
  'ab/c.yaml',
  'm.yaml',
  'Z.yaml',
  'k8s/base/deploy.yaml',
  'k8s/base/overlays/prod/patch.yaml',
  'k8s/base/service.yaml',
];

async function listed(source: { list(): AsyncIterable<{ path: string }> }): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of source.list()) out.push(entry.path);
  return out;
}

describe('compareWalkOrder', () => {
  it('is the order a walk of the disk lists files in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-walk-order-'));
    for (const path of PATHS) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), 'kind: ConfigMap\n');
    }
    const walked = await listed(new DiskFileSource(dir));
    expect(walked).toEqual([...PATHS].sort(compareWalkOrder));
    // Files before the folders beside them, whatever the names.
    expect(walked.indexOf('k8s/base/service.yaml')).toBeLessThan(
      walked.indexOf('k8s/base/overlays/prod/patch.yaml'),
    );
    expect(walked).not.toEqual([...PATHS].sort());
  });

  it('orders files held in memory the same way', async () => {
    const files = Object.fromEntries(PATHS.map((p) => [p, 'kind: ConfigMap\n']));
    expect(await listed(new MemoryFileSource(files))).toEqual([...PATHS].sort(compareWalkOrder));
  });
});
