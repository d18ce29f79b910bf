/**
 * The Action's scan of a checkout is the CLI's scan: the hardening holds there too (links out of
 * the workspace, tracked files under a hostile .gitignore, secrets in every rendering).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';

const TOKEN = ['ghp', '_', 'Q7vXk2Lm9Pz4Rt8Wc1Yb6Nd3Hs5Jf0Ga2EuT'].join('');

describe("the Action's scan of a checkout", () => {
  it('follows no link out of the workspace, scans tracked files under a .gitignore of *, and redacts', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-action-outside-'));
    writeFileSync(join(outside, 'config'), `[http]\n\textraheader = AUTHORIZATION: bearer ${TOKEN}\n`);
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-action-checkout-'));
    mkdirSync(join(dir, 'k8s'));
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), '*\n');
    writeFileSync(
      join(dir, 'k8s', 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
    );
    writeFileSync(join(dir, 'k8s', 'broken.yaml'), `apiVersion: v1\nkind: Secret\n data: ${TOKEN}\n`);
    symlinkSync(join(outside, 'config'), join(dir, '.github', 'workflows', 'x.yml'));
    const git = (...args: string[]) =>
      expect(
        spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir })
          .status,
      ).toBe(0);
    git('init', '-q');
    git('add', '-f', '.');
    git('commit', '-qm', 'pr');

    const engine = createEngine();
    const result = await engine.scan({ root: dir });
    expect(new Set(result.findings.map((f) => f.file))).toEqual(new Set(['k8s/pod.yaml', 'k8s/broken.yaml']));
    expect(result.errors.find((e) => e.kind === 'outside-root')?.file).toBe('.github/workflows/x.yml');
    for (const out of [
      JSON.stringify(engine.sarifLog(result)),
      engine.renderMarkdown(result),
      engine.renderText(result),
    ])
      expect(out).not.toContain(TOKEN);
  });

  // .ci/run unpacks Helm and exports PLUMBLINE_HELM; without it this skips locally, never in CI.
  it.skipIf(!process.env.PLUMBLINE_HELM && !process.env.CI)(
    'renders a chart once for the head and the base of a pull request',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plumbline-action-helm-'));
      // A helm that notes each start, then runs the real one.
      const log = join(dir, 'helm-starts.log');
      const helm = join(dir, 'helm');
      writeFileSync(helm, `#!/bin/sh\necho start >> '${log}'\nexec '${process.env.PLUMBLINE_HELM}' "$@"\n`);
      chmodSync(helm, 0o755);
      const units = new URL('../../../fixtures/deploy-units', import.meta.url).pathname;
      const engine = createEngine();
      const head = await engine.scan({ root: units, helm, paths: ['charts'] });
      const base = await engine.scan({ root: units, helm, paths: ['charts'] });
      expect(base.findings.map((f) => f.fingerprint)).toEqual(head.findings.map((f) => f.fingerprint));
      expect(head.summary.rendering?.helm).toMatchObject({ rendered: 1, failed: 0 });
      // Three values sets (defaults, values-prod.yaml, values/staging.yaml), each run once.
      expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
      // Another engine (another Action run) keeps nothing: no cache on the runner's disk.
      await createEngine().scan({ root: units, helm, paths: ['charts'] });
      expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    },
  );
});
