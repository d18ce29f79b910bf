import { generateKeyPairSync } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOrg, type FakeRepo, startFakeOrg } from '../../org/src/test-support/fake-org.ts';
import { filesOf, sha } from '../../org/src/test-support/org-fixture.ts';
import { repoRoot, runBuiltCli } from './test-support/run-cli.ts';

const TOKEN = 'ghs_cli_test_token_AbCdEf0123456789';

/**
 * The built CLI's entry function, run in this process (see test-support/run-cli.ts); the fake
 * GitHub lives in this process too, which is why the runs are asynchronous.
 */
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  // PLUMBLINE_GITHUB_PACE=none: the fake's rate limits and dropped downloads are still waited out
  // and retried, in milliseconds.
  return runBuiltCli(args, cwd, { GITHUB_TOKEN: TOKEN, PLUMBLINE_GITHUB_PACE: 'none', ...env });
}

const DOCKERFILE = 'FROM node:latest\nRUN npm ci\nCMD ["node", "server.js"]\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.25
          securityContext:
            privileged: true
`;

function repos(): FakeRepo[] {
  const list: FakeRepo[] = [];
  for (let i = 0; i < 24; i++) {
    list.push({
      name: `team-${i}`,
      sha: sha(`team-${i}`),
      files: {
        'README.md': `# team ${i}\n`,
        Dockerfile: DOCKERFILE,
        'deploy/k8s/deployment.yaml': DEPLOYMENT,
        'src/app.py': 'print("hi")\n',
      },
    });
  }
  // Its own config turns a rule off; an inline ignore silences another.
  list.push({
    name: 'configured',
    sha: sha('configured'),
    files: {
      '.plumbline.yaml': 'extends: recommended\nrules:\n  dockerfile/no-latest-tag: off\n',
      Dockerfile:
        '# plumbline:ignore dockerfile/no-root-user -- distroless base runs as nonroot\nFROM node:latest\n',
    },
  });
  // A config that tries to read this machine's files is refused, and the repository is still scanned.
  list.push({
    name: 'sneaky',
    sha: sha('sneaky'),
    files: { '.plumbline.yaml': 'extends: /etc/passwd.yaml\n', Dockerfile: DOCKERFILE },
  });
  const big = Array.from({ length: 3000 }, (_, i) => `LABEL build.step${i}="${(i * 7919) % 65521}"\n`).join(
    '',
  );
  list.push({
    name: 'cut',
    sha: sha('cut'),
    files: { Dockerfile: `FROM alpine:3.20\n${big}` },
    truncateAt: 1500,
  });
  return list;
}

let fake: FakeOrg;
const work = mkdtempSync(join(tmpdir(), 'plumbline-org-cli-'));

beforeAll(async () => {
  fake = await startFakeOrg({
    org: 'acme',
    token: TOKEN,
    repos: repos(),
    perPage: 10,
    secondaryLimitAt: [4],
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

describe('plumbline org', () => {
  it('scan: every repository, repository config and inline ignores apply, failures recorded, report written', async () => {
    const r = await cli(['org', 'scan', 'acme', '--api-url', fake.baseUrl, '--run-id', 'w1'], work);
    expect(r.stderr).not.toContain(TOKEN);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'acme: 27 repositories: 26 scanned, 0 unchanged, 1 failed (run w1); report in plumbline-org/\n',
    );
    const results = JSON.parse(readFileSync(join(work, 'plumbline-org', 'results.json'), 'utf8'));
    expect(results.org).toBe('acme');
    const byName = Object.fromEntries(results.repositories.map((x: { name: string }) => [x.name, x]));
    expect(byName.cut).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^truncated archive/),
    });
    expect(byName['team-0']).toMatchObject({ status: 'scanned', headSha: sha('team-0') });
    const rulesOf = (name: string) =>
      results.findings
        .filter((f: { repository: string }) => f.repository === name)
        .map((f: { ruleId: string }) => f.ruleId);
    expect(rulesOf('team-0')).toEqual(
      expect.arrayContaining(['dockerfile/no-root-user', 'k8s/no-privileged-container']),
    );
    expect(rulesOf('configured')).toEqual([]);
    expect(rulesOf('sneaky')).toContain('dockerfile/no-root-user');
    expect(byName.sneaky.errors).toEqual([
      {
        kind: 'config',
        file: '.plumbline.yaml',
        message:
          '.plumbline.yaml: extends: "/etc/passwd.yaml" is a path; a scanned repository may extend named presets only (scanned with the org baseline instead)',
      },
    ]);
    const finding = results.findings.find((f: { repository: string }) => f.repository === 'team-3');
    expect(finding).toMatchObject({
      repository: 'team-3',
      file: expect.any(String),
      startLine: expect.any(Number),
    });
    expect(finding.fingerprint).toMatch(/^[0-9a-f]+/);
    for (const name of ['summary.md', 'index.html', 'sarif/team-0.sarif'])
      expect(existsSync(join(work, 'plumbline-org', name)), name).toBe(true);
    expect(existsSync(join(work, 'plumbline-org', 'sarif', 'cut.sarif'))).toBe(false);
    const sarif = JSON.parse(readFileSync(join(work, 'plumbline-org', 'sarif', 'team-0.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(rulesOf('team-0').length);
    expect(readFileSync(join(work, 'plumbline-org', 'summary.md'), 'utf8')).toContain(
      '| cut | truncated archive',
    );
  });

  it('scan again: unchanged repositories are not downloaded, their findings stay in the report', async () => {
    const before = fake.downloads.length;
    const r = await cli(['org', 'scan', 'acme', '--api-url', fake.baseUrl, '--run-id', 'w2'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('27 repositories: 0 scanned, 26 unchanged, 1 failed (run w2)');
    expect(fake.downloads.length - before).toBe(2); // only the failed one is tried again (twice: it comes short)
    const results = JSON.parse(readFileSync(join(work, 'plumbline-org', 'results.json'), 'utf8'));
    expect(results.runId).toBe('w2');
    expect(
      results.findings.filter((f: { repository: string }) => f.repository === 'team-0').length,
    ).toBeGreaterThan(3);
  });

  it('shards of one run, merged, report what one machine reports', async () => {
    const shardDir = mkdtempSync(join(work, 'shards-'));
    for (const i of [1, 2]) {
      const r = await cli(
        [
          'org',
          'scan',
          'acme',
          '--api-url',
          fake.baseUrl,
          '--shard',
          `${i}/2`,
          '--db',
          `s${i}.db`,
          '--out',
          `out${i}`,
          '--run-id',
          'w1',
        ],
        shardDir,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`in shard ${i}/2`);
    }
    const merged = await cli(['org', 'merge', 's1.db', 's2.db', '--db', 'all.db'], shardDir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('merged 2 databases into all.db: 1 runs, 27 repositories\n');
    const report = await cli(['org', 'report', '--db', 'all.db', '--out', 'merged'], shardDir);
    expect(report.code, report.stderr).toBe(0);
    const fromShards = JSON.parse(readFileSync(join(shardDir, 'merged', 'results.json'), 'utf8'));
    const single = await cli(
      ['org', 'report', '--db', 'plumbline-org.db', '--out', 'single', '--run', 'w1'],
      work,
    );
    expect(single.code, single.stderr).toBe(0);
    const fromOne = JSON.parse(readFileSync(join(work, 'single', 'results.json'), 'utf8'));
    // The same findings, statuses and fingerprints; only the clock differs between the two runs.
    const comparable = (r: { runAt?: string; findings: { firstSeenAt?: string }[] }) => ({
      ...r,
      runAt: undefined,
      findings: r.findings.map((f) => ({ ...f, firstSeenAt: undefined })),
    });
    expect(comparable(fromShards)).toEqual(comparable(fromOne));
  });

  it('a refused token is exit 2 with a clear message, and the token is never printed', async () => {
    const r = await cli(['org', 'scan', 'acme', '--api-url', fake.baseUrl, '--db', 'denied.db'], work, {
      GITHUB_TOKEN: 'ghp_this_one_is_wrong',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GitHub refused the credentials (401 Bad credentials)');
    expect(r.stderr + r.stdout).not.toContain('ghp_this_one_is_wrong');
  });

  it("the example workflow and the org action pass Plumbline's own rules, strict preset included", async () => {
    const dir = mkdtempSync(join(work, 'example-'));
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    // The action lives in Plumbline's repository, the workflow in the user's: a folder other than
    // `org/` keeps the workflow's `plumbline-dev/plumbline/org@…` from naming a local action here.
    mkdirSync(join(dir, 'plumbline-org-action'));
    copyFileSync(
      join(repoRoot, 'examples', 'org-scan.yml'),
      join(dir, '.github', 'workflows', 'org-scan.yml'),
    );
    copyFileSync(join(repoRoot, 'org', 'action.yml'), join(dir, 'plumbline-org-action', 'action.yml'));
    for (const preset of ['recommended', 'strict']) {
      const r = await cli(['audit', '.', '--preset', preset, '--fail-on', 'info', '--format', 'json'], dir);
      const report = JSON.parse(r.stdout);
      expect(report.summary.files, preset).toBe(2);
      expect(report.findings, preset).toEqual([]);
      expect(r.code, preset).toBe(0);
    }
  });

  it('authenticates as a GitHub App: a signed JWT buys the installation token, which is never printed', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const installationToken = 'ghs_installation_token_from_app_0001';
    const appFake = await startFakeOrg({
      org: 'acme',
      token: installationToken,
      repos: repos().slice(0, 3),
      app: { id: '4242', publicKey, installationId: 77 },
    });
    try {
      const dir = mkdtempSync(join(work, 'app-'));
      writeFileSync(join(dir, 'app.pem'), privateKey);
      const args = [
        'org',
        'scan',
        'acme',
        '--api-url',
        appFake.baseUrl,
        '--app-id',
        '4242',
        '--app-private-key-file',
        'app.pem',
      ];
      const r = await cli(args, dir, { GITHUB_TOKEN: '' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('acme: 3 repositories: 3 scanned, 0 unchanged, 0 failed');
      expect(r.stdout + r.stderr).not.toContain(installationToken);
      expect(appFake.requests.filter((q) => q.path === '/app/installations/77/access_tokens')).toHaveLength(
        1,
      );
      const wrong = await cli(
        [...args.slice(0, 5), '--app-id', '999', '--app-private-key-file', 'app.pem'],
        dir,
        { GITHUB_TOKEN: '' },
      );
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('the GitHub App could not get an installation token for acme (401)');
    } finally {
      await appFake.close();
    }
  });

  it('usage mistakes are exit 2', async () => {
    expect((await cli(['org', 'scan', 'acme', '--shard', '3/2'], work)).stderr).toContain(
      '--shard must be i/n',
    );
    const noToken = await cli(['org', 'scan', 'acme', '--api-url', fake.baseUrl], work, { GITHUB_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('set GITHUB_TOKEN, or pass --app-id and --app-private-key-file');
    writeFileSync(join(work, 'x.db'), '');
    const same = await cli(['org', 'merge', 'x.db', '--db', 'x.db'], work);
    expect(same.code).toBe(2);
  });
});

// .ci/run unpacks Helm and exports PLUMBLINE_HELM; without it these skip locally, never in CI.
const helm = process.env.PLUMBLINE_HELM;
describe.skipIf(!helm && !process.env.CI)('plumbline org scan on charts and overlays', () => {
  it('renders them as `audit` does: the same findings at values, template and patch lines', async () => {
    const units = join(repoRoot, 'fixtures', 'deploy-units');
    const renderFake = await startFakeOrg({
      org: 'acme',
      token: TOKEN,
      repos: [{ name: 'platform', sha: sha('platform'), files: filesOf(units) }],
    });
    try {
      const dir = mkdtempSync(join(work, 'render-'));
      const where = (f: { file: string; startLine: number; ruleId: string }) =>
        `${f.file}:${f.startLine} ${f.ruleId}`;
      const scan = async (extra: string[]) => {
        const r = await cli(['org', 'scan', 'acme', '--api-url', renderFake.baseUrl, ...extra], dir);
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(readFileSync(join(dir, 'plumbline-org', 'results.json'), 'utf8'));
      };
      const rendered = await scan(['--helm', helm!, '--db', 'rendered.db']);
      const audit = await cli(
        ['audit', units, '--format', 'json', '--fail-on', 'none', '--helm', helm!],
        dir,
      );
      const expected = JSON.parse(audit.stdout).findings.map(where).sort();
      expect(expected).toContain('charts/shop/values-prod.yaml:9 k8s/no-privileged-container');
      expect(expected).toContain('kustomize/overlays/prod/debug-patch.yaml:9 k8s/no-host-pid');
      expect(rendered.findings.map(where).sort()).toEqual(expected);

      // With a render cache (PLUMBLINE_RENDER_CACHE), a later run renders the unchanged charts from
      // it: a helm that writes down each start counts them.
      const cacheDir = join(dir, 'render-cache');
      const starts = join(dir, 'helm-starts.log');
      const countingHelm = join(dir, 'helm');
      writeFileSync(countingHelm, `#!/bin/sh\necho start >> '${starts}'\nexec '${helm}' "$@"\n`, {
        mode: 0o755,
      });
      const withCache = async (db: string) => {
        const r = await cli(
          ['org', 'scan', 'acme', '--api-url', renderFake.baseUrl, '--helm', countingHelm, '--db', db],
          dir,
          { PLUMBLINE_RENDER_CACHE: cacheDir },
        );
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(readFileSync(join(dir, 'plumbline-org', 'results.json'), 'utf8'));
      };
      const filled = await withCache('cache-1.db');
      const started = readFileSync(starts, 'utf8').split('\n').filter(Boolean).length;
      expect(started).toBeGreaterThan(0);
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.run')).length).toBeGreaterThan(0);
      const reused = await withCache('cache-2.db');
      expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean).length).toBe(started);
      expect(filled.findings.map(where).sort()).toEqual(expected);
      expect(reused.findings.map(where).sort()).toEqual(expected);

      // --no-render: the templates are listed as skipped, none of their findings appear.
      const plain = await scan(['--no-render', '--db', 'plain.db']);
      const lines = plain.findings.map(where);
      expect(lines).not.toContain('charts/shop/values-prod.yaml:9 k8s/no-privileged-container');
      const skipped = plain.repositories[0].errors.filter((e: { message: string }) =>
        e.message.includes('Helm/Go template'),
      );
      expect(skipped.length).toBe(5);
    } finally {
      await renderFake.close();
    }
  });
});
