/**
 * `render-cache`: the committed bundle on two pull request runs, as GitHub runs them on two
 * machines, with the folder carried between them as actions/cache restores it. The second run
 * renders nothing, though its Helm was installed afresh (another inode and modification time).
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../github/src/test-support/fake-github.ts';
import { filesOf } from '../../org/src/test-support/org-fixture.ts';
import { committedBundle, PullRequestScenario, packageDir, runBundle } from './test-support/scenario.ts';

const chart = join(packageDir, '..', '..', 'fixtures', 'deploy-units', 'charts');
const work = mkdtempSync(join(tmpdir(), 'plumbline-render-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Installs a Helm that notes each start, then runs the real one: a new file each time. */
function installHelm(path: string, log: string): void {
  rmSync(path, { force: true });
  writeFileSync(path, `#!/bin/sh\necho start >> '${log}'\nexec '${process.env.PLUMBLINE_HELM}' "$@"\n`);
  chmodSync(path, 0o755);
}

const starts = (log: string) =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;

describe('the render-cache input', () => {
  // .ci/run unpacks Helm and exports PLUMBLINE_HELM; without it this skips locally, never in CI.
  it.skipIf(!process.env.PLUMBLINE_HELM && !process.env.CI)(
    'keeps Helm outcomes in a folder the next run on another machine reuses',
    async () => {
      const gh = await new FakeGitHub().start();
      const s = new PullRequestScenario(
        Object.fromEntries(Object.entries(filesOf(chart)).map(([path, text]) => [`charts/${path}`, text])),
      );
      try {
        // The pull request touches a workflow, not the chart.
        s.push({ '.github/workflows/ci.yml': 'on: push\njobs: {}\n' });
        const event = s.event('opened');
        gh.pulls.set(2, { number: 2, files: s.files() });
        const helm = join(work, 'bin', 'helm');
        const log = join(work, 'helm-starts.log');
        const run = (cache: string) =>
          runBundle(
            committedBundle,
            {
              GITHUB_EVENT_NAME: 'pull_request',
              GITHUB_EVENT_PATH: event,
              GITHUB_WORKSPACE: s.checkout(),
              GITHUB_API_URL: gh.url,
              GITHUB_SHA: s.mergeSha,
              GITHUB_REF: 'refs/pull/2/merge',
              PLUMBLINE_HELM: helm,
            },
            { 'github-token': gh.token, 'render-cache': cache, 'fail-on': 'none' },
          );

        mkdirSync(dirname(helm));
        installHelm(helm, log);
        const first = await run(join(work, 'machine-1', 'render'));
        expect(first.code, first.stdout).toBe(0);
        // Three values sets (defaults, values-prod.yaml, values/staging.yaml) rendered for the
        // head; the base, whose chart is the same, reuses them.
        expect(starts(log)).toBe(3);
        expect(first.stdout).toContain(
          `Render cache (${join(work, 'machine-1', 'render')}): 3 reused, 3 rendered`,
        );

        // The next run: another machine, the folder restored, the same Helm downloaded again.
        cpSync(join(work, 'machine-1', 'render'), join(work, 'machine-2', 'render'), { recursive: true });
        installHelm(helm, log);
        const second = await run(join(work, 'machine-2', 'render'));
        expect(second.code, second.stdout).toBe(0);
        expect(starts(log)).toBe(3);
        expect(second.stdout).toContain('6 reused, 0 rendered');
        expect(second.outputs).toEqual(first.outputs);
        expect(Number(first.outputs.findings)).toBeGreaterThan(0);
      } finally {
        s.remove();
        await gh.stop();
      }
    },
  );
});
