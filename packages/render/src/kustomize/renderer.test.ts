import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../binary.js';
import { DiskRenderCache } from '../cache/disk-cache.js';
import { audit, FIXTURE, filesOf } from '../test-support/audit.js';
import { KustomizeRenderer } from './renderer.js';

const KUBECTL = findOnPath('kubectl') ?? findOnPath('kustomize');
const overlay = () =>
  Object.fromEntries(Object.entries(filesOf(FIXTURE)).filter(([p]) => p.startsWith('kustomize/')));
const at = (f: { file: string; startLine: number; startColumn: number }) =>
  `${f.file}:${f.startLine}:${f.startColumn}`;

describe.skipIf(!KUBECTL && !process.env.CI)('kustomize builds (real kubectl kustomize)', () => {
  it('builds the overlay and points at the patch, the images: entry and the base', async () => {
    const result = await audit(overlay(), [new KustomizeRenderer()]);
    const where = (rule: string) => result.findings.filter((f) => f.ruleId === rule).map(at);
    expect(where('k8s/no-host-pid')).toEqual(['kustomize/overlays/prod/debug-patch.yaml:9:7']);
    // The base pins 1.8.0; the overlay's `newTag: latest` is what ships (and what to fix).
    expect(where('k8s/no-latest-image')).toEqual(['kustomize/overlays/prod/kustomization.yaml:9:5']);
    expect(where('k8s/require-seccomp-profile')).toEqual(['kustomize/base/deployment.yaml:14:11']);
    // The base is built inside its overlay, not read a second time as loose manifests.
    expect(result.findings.every((f) => f.message.endsWith('[in: kustomize/overlays/prod]'))).toBe(true);
    expect(result.summary.rendering?.kustomize).toMatchObject({ rendered: 1, failed: 0 });
  });

  it('never fetches a remote base: a notice, and the rest is built', async () => {
    const files = overlay();
    files['kustomize/overlays/prod/kustomization.yaml'] = files[
      'kustomize/overlays/prod/kustomization.yaml'
    ]!.replace(
      '  - ../../base\n',
      '  - ../../base\n  - https://github.com/acme/platform//monitoring?ref=v1.2.0\n',
    );
    const result = await audit(files, [new KustomizeRenderer()]);
    expect(result.errors.map((e) => e.message)).toContainEqual(
      'kustomize: remote base not fetched: https://github.com/acme/platform//monitoring?ref=v1.2.0 (built without it)',
    );
    expect(result.summary.rendering?.kustomize).toMatchObject({ rendered: 1 });
  });

  it('reports a broken build as one finding on the kustomization', async () => {
    const files = overlay();
    files['kustomize/overlays/prod/kustomization.yaml'] += 'patches:\n  - path: missing-patch.yaml\n';
    const result = await audit(files, [new KustomizeRenderer()]);
    const errors = result.findings.filter((f) => f.ruleId === 'core/render-error');
    expect(errors.map(at)).toEqual(['kustomize/overlays/prod/kustomization.yaml:1:1']);
    expect(result.summary.rendering?.kustomize).toMatchObject({ rendered: 0, failed: 1 });
  });

  it('gives the same findings and the same build error from the render cache', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plumbline-kustomize-cache-'));
    try {
      const files = overlay();
      const broken = {
        ...files,
        'kustomize/overlays/prod/kustomization.yaml': `${files['kustomize/overlays/prod/kustomization.yaml']}patches:\n  - path: missing-patch.yaml\n`,
      };
      const shown = (r: Awaited<ReturnType<typeof audit>>) =>
        r.findings.map((f) => [at(f), f.ruleId, f.message, f.fingerprint]);
      const cold = new DiskRenderCache(folder);
      const first = [
        await audit(files, [new KustomizeRenderer({ cache: cold })]),
        await audit(broken, [new KustomizeRenderer({ cache: cold })]),
      ];
      expect(cold.stats).toEqual({ hits: 0, misses: 2, written: 2 });
      const warm = new DiskRenderCache(folder);
      const second = [
        await audit(files, [new KustomizeRenderer({ cache: warm })]),
        await audit(broken, [new KustomizeRenderer({ cache: warm })]),
      ];
      expect(warm.stats).toEqual({ hits: 2, misses: 0, written: 0 });
      expect(second.map(shown)).toEqual(first.map(shown));
      expect(shown(second[1]!).filter(([, rule]) => rule === 'core/render-error')).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
