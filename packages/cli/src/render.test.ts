import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot as repo, runBuiltCli } from './test-support/run-cli.ts';

const units = join(repo, 'fixtures', 'deploy-units');
const helm = process.env.PLUMBLINE_HELM;

/** The CLI in the test's process (`runBuiltCli`); Helm and kubectl are children as in any audit. */
const cli = (args: string[], env: Record<string, string> = {}) => runBuiltCli(args, repo, env);

// .ci/run unpacks Helm and exports PLUMBLINE_HELM; without it these skip locally, never in CI.
describe.skipIf(!helm && !process.env.CI)('plumbline audit on charts and overlays', () => {
  // Helm and kubectl are most of an audit's time here (three values sets and an overlay): after
  // the first audit renders, the next two tests read its outputs from a render cache of their own
  // (the copy in the --fix test has the same content, so the same keys). The cache test below
  // shows a warm audit reports what a cold one does.
  const shared = mkdtempSync(join(tmpdir(), 'plumbline-render-shared-'));
  const cached = { PLUMBLINE_RENDER_CACHE: shared };
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  it('reports rendered findings at values, template and patch lines, with the rendering counts', async () => {
    const r = await cli(['audit', units, '--format', 'json', '--fail-on', 'none', '--helm', helm!], cached);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const lines = result.findings.map(
      (f: { file: string; startLine: number; ruleId: string }) => `${f.file}:${f.startLine} ${f.ruleId}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'charts/shop/values-prod.yaml:9 k8s/no-privileged-container',
        'charts/shop/values-prod.yaml:5 k8s/no-latest-image',
        'charts/shop/templates/deployment.yaml:44 k8s/no-latest-image',
        'kustomize/overlays/prod/debug-patch.yaml:9 k8s/no-host-pid',
        'kustomize/overlays/prod/kustomization.yaml:9 k8s/no-latest-image',
      ]),
    );
    expect(result.summary.rendering.helm).toMatchObject({ rendered: 1, failed: 0, skipped: 0 });
    expect(result.summary.rendering.kustomize).toMatchObject({ rendered: 1, failed: 0, skipped: 0 });
    const text = await cli(['audit', units, '--fail-on', 'none', '--helm', helm!], cached);
    expect(text.stdout).toContain('; Helm charts: 1 rendered; kustomizations: 1 rendered');
  });

  it('offers no fix on rendered findings: --fix leaves charts and kustomizations as written', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'plumbline-render-fix-'));
    cpSync(units, copy, { recursive: true });
    const r = await cli(['audit', copy, '--format', 'json', '--fail-on', 'none', '--helm', helm!], cached);
    const rendered = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) =>
      f.ruleId.startsWith('k8s/'),
    );
    expect(rendered.map((f: { ruleId: string }) => f.ruleId)).toContain('k8s/require-security-context');
    expect(rendered.filter((f: { fix?: unknown }) => f.fix)).toEqual([]);
    const fixed = await cli(['audit', copy, '--fix', '--fail-on', 'none', '--helm', helm!], cached);
    expect(fixed.code, fixed.stderr).toBe(0);
    for (const file of readdirSync(units, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(units, file)).isFile())
        expect(readFileSync(join(copy, file), 'utf8'), file).toBe(readFileSync(join(units, file), 'utf8'));
    }
  });

  it('keeps Helm and kustomize outputs per user: a second audit spawns neither, same report', async () => {
    const home = mkdtempSync(join(tmpdir(), 'plumbline-render-cache-home-'));
    const off = mkdtempSync(join(tmpdir(), 'plumbline-render-cache-off-'));
    try {
      // V8's code cache would go to the same folders: only the render cache is looked at here.
      const env = {
        XDG_CACHE_HOME: home,
        PLUMBLINE_RENDER_CACHE: '',
        PLUMBLINE_POOL_DEBUG: '1',
        NODE_DISABLE_COMPILE_CACHE: '1',
      };
      const args = ['audit', units, '--format', 'json', '--fail-on', 'none', '--helm', helm!];
      const stats = (stderr: string) => /plumbline render cache: (.*) \(/.exec(stderr)?.[1];
      const report = (stdout: string) => {
        const { findings, summary } = JSON.parse(stdout);
        return { findings, rendering: summary.rendering, files: summary.files };
      };
      const strip = (r: ReturnType<typeof report>) => ({
        ...r,
        rendering: Object.fromEntries(
          Object.entries(r.rendering as Record<string, { durationMs?: number }>).map(([k, v]) => [
            k,
            { ...v, durationMs: 0 },
          ]),
        ),
      });
      const cold = await cli(args, env);
      expect(stats(cold.stderr)).toBe('0 hits, 4 misses, 4 written, 0 pruned');
      const warm = await cli(args, env);
      expect(stats(warm.stderr)).toBe('4 hits, 0 misses, 0 written, 0 pruned');
      expect(strip(report(warm.stdout))).toEqual(strip(report(cold.stdout)));
      expect(readdirSync(join(home, 'plumbline', 'render'))).toHaveLength(4);
      // Off by flag or by setting: nothing read, nothing written.
      expect(
        stats((await cli([...args, '--no-render-cache'], { ...env, XDG_CACHE_HOME: off })).stderr),
      ).toBeUndefined();
      expect(
        stats((await cli(args, { ...env, XDG_CACHE_HOME: off, PLUMBLINE_RENDER_CACHE: 'off' })).stderr),
      ).toBeUndefined();
      expect(readdirSync(off)).toEqual([]);
      // Or another folder.
      const elsewhere = join(off, 'ci-cache');
      expect(stats((await cli(args, { ...env, PLUMBLINE_RENDER_CACHE: elsewhere })).stderr)).toBe(
        '0 hits, 4 misses, 4 written, 0 pruned',
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
      rmSync(off, { recursive: true, force: true });
    }
  });

  it('keeps the templates skipped with --no-render', async () => {
    const r = await cli(['audit', units, '--format', 'json', '--fail-on', 'none', '--no-render']);
    const result = JSON.parse(r.stdout);
    expect(result.summary.rendering).toBeUndefined();
    expect(
      result.errors.filter((e: { message: string }) => e.message.includes('Helm/Go template')).length,
    ).toBe(5);
  });
});
