import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '@plumbline/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgDatabase } from './db/database.js';
import { fixedIn, meanDaysToFix, newIn, runHistory } from './db/history.js';
import { mergeDatabases } from './db/merge.js';
import { loadReport } from './report/model.js';
import { renderResults } from './report/results.js';
import { writeReport } from './report/write.js';
import { AuthError, type OrgScanOptions, scanOrganisation } from './run.js';
import { parseShard } from './shard.js';
import { type FakeOrg, type FakeRepo, startFakeOrg } from './test-support/fake-org.js';
import { corpusLikeRepos, sha } from './test-support/org-fixture.js';
import { toyKeep } from './test-support/toy-auditor.js';

const TOKEN = 'ghs_test_token_not_real_0123456789';
const AUDITOR = new URL('./test-support/toy-auditor.ts', import.meta.url).href;
const tmp = mkdtempSync(join(tmpdir(), 'plumbline-org-'));
/** Where a hostile archive would write if anything were extracted. */
const canary = mkdtempSync(join(tmpdir(), 'plumbline-canary-'));

function hostileRepos(): FakeRepo[] {
  const conf = { 'deploy/app.conf': 'open-port 443\n' };
  return [
    {
      name: 'zz-evil',
      sha: sha('evil'),
      files: conf,
      raw: [
        { name: `../../../../../../..${canary}/dotdot.conf`, content: 'open-port 1\n' },
        { name: `${canary}/absolute.conf`, content: 'open-port 2\n' },
        { name: 'acme-zz-evil-x/shadow.conf', type: 'symlink', linkname: '/etc/shadow' },
        { name: 'acme-zz-evil-x/hard.conf', type: 'link', linkname: '/etc/passwd' },
      ],
    },
    {
      name: 'zz-truncated',
      sha: sha('cut'),
      files: {
        'a.conf': Array.from({ length: 4000 }, (_, i) => `open-port ${(i * 7919) % 65521}\n`).join(''),
      },
      truncateAt: 2000,
    },
    { name: 'zz-gone', sha: sha('gone'), files: conf, tarballStatus: 404 },
    { name: 'zz-legal', sha: sha('legal'), files: conf, tarballStatus: 451 },
    { name: 'zz-broken', sha: sha('broken'), files: conf, tarballStatus: 503 },
    { name: 'zz-flaky', sha: sha('flaky'), files: conf, flaky: 1 },
  ];
}

let fake: FakeOrg;
const baseOptions = (db: OrgDatabase, extra: Partial<OrgScanOptions> = {}): OrgScanOptions => ({
  client: createGitHubClient({ token: TOKEN, baseUrl: fake.baseUrl, pace: 'none' }),
  org: 'acme',
  db,
  auditor: AUDITOR,
  configHash: 'cfg-1',
  toolVersion: '0.1.0',
  keep: toyKeep,
  workers: 0,
  // A dropped download is still retried once, after milliseconds rather than a second.
  redownloadDelayMs: 5,
  ...extra,
});
const at = (iso: string) => () => new Date(iso);
const tarballRequests = () => fake.requests.filter((r) => r.path.includes('/tarball/')).length;

beforeAll(async () => {
  fake = await startFakeOrg({
    org: 'acme',
    token: TOKEN,
    repos: [...corpusLikeRepos(200), ...hostileRepos()],
    perPage: 50,
    primaryLimitAt: [2],
    secondaryLimitAt: [9],
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(tmp, { recursive: true, force: true });
  rmSync(canary, { recursive: true, force: true });
});

describe('scanOrganisation against a fake GitHub', () => {
  const dbFile = join(tmp, 'single.db');
  let first: Awaited<ReturnType<typeof scanOrganisation>>;

  it('scans every repository once, through pagination, redirects and rate limits, recording failures', async () => {
    const db = new OrgDatabase(dbFile);
    first = await scanOrganisation(baseOptions(db, { now: at('2026-11-02T03:00:00Z'), runId: 'week-45' }));
    const scans = db.scansOf('week-45');
    db.close();
    // 200 generated: 4 forks and 4 archived are skipped by default; 6 hostile repositories.
    expect(first.total).toBe(198);
    expect(scans).toHaveLength(198);
    const listed = fake.requests.filter((r) => r.path.startsWith('/orgs/acme/repos') && r.status === 200);
    expect(listed).toHaveLength(5); // 206 repositories, 50 a page
    expect(fake.requests.some((r) => r.status === 403)).toBe(true); // both limits were met and waited out
    expect(fake.downloads.every((d) => d.authorization === undefined)).toBe(true); // token not sent to the download host
    const failed = Object.fromEntries(
      scans.filter((s) => s.status === 'failed').map((s) => [s.repository, s.reason]),
    );
    expect(failed).toEqual({
      'zz-truncated': expect.stringMatching(/^truncated archive: /),
      'zz-gone': expect.stringMatching(/^GitHub answered 404 \(not found\)/),
      'zz-legal': expect.stringMatching(/^GitHub answered 451 \(unavailable for legal reasons\)/),
      'zz-broken': expect.stringMatching(/^GitHub answered 503 \(server error after retries\)/),
    });
    expect(first.counts).toEqual({ scanned: 194, unchanged: 0, failed: 4 });
  }, 300_000);

  it('never lets a hostile archive write or read outside, and lists what it refused', async () => {
    expect(readdirSync(canary)).toEqual([]);
    expect(existsSync(join(canary, 'dotdot.conf'))).toBe(false);
    const db = new OrgDatabase(dbFile);
    const evil = db.scansOf('week-45').find((s) => s.repository === 'zz-evil')!;
    const findings = db.findingsOf('week-45').filter((f) => f.repository === 'zz-evil');
    db.close();
    expect(evil.status).toBe('scanned');
    expect(findings.map((f) => f.finding.file)).toEqual(['deploy/app.conf']);
    expect(evil.errors.map((e) => [e.file, e.message])).toEqual([
      [`../../../../../../..${canary}/dotdot.conf`, 'unsafe path in archive (absolute or with ..): not read'],
      [`${canary}/absolute.conf`, 'unsafe path in archive (absolute or with ..): not read'],
      ['hard.conf', 'link in archive: not followed, not scanned'],
      ['shadow.conf', 'symlink in archive: not followed, not scanned'],
    ]);
  });

  it('applies inline suppressions: a suppressed line is not a finding', async () => {
    const db = new OrgDatabase(dbFile);
    const svc0 = db.findingsOf('week-45').filter((f) => f.repository === 'svc-000');
    db.close();
    // svc-000: open-port 22 (line 3) counts, open-port 2375 carries a reasoned ignore; metrics.conf line 1.
    expect(svc0.map((f) => `${f.finding.file}:${f.finding.startLine}`).sort()).toEqual([
      'deploy/app.conf:3',
      'deploy/extra/metrics.conf:1',
    ]);
  });

  it('a second run skips unchanged repositories without downloading them', async () => {
    const before = { tarballs: tarballRequests(), downloads: fake.downloads.length };
    const db = new OrgDatabase(dbFile);
    const second = await scanOrganisation(
      baseOptions(db, { now: at('2026-11-09T03:00:00Z'), runId: 'week-46' }),
    );
    const findings = db.findingsOf('week-46');
    db.close();
    expect(second.counts).toEqual({ scanned: 0, unchanged: 194, failed: 4 });
    // Only the four failed repositories were asked for again; only the truncated one got a redirect
    // (and one more try, since a short archive can be a cut connection).
    expect(tarballRequests() - before.tarballs).toBe(2 + 1 + 1 + 3); // truncated (tried twice), 404, 451, 503 (+2 retries)
    expect(fake.downloads.length - before.downloads).toBe(2);
    // Unchanged repositories keep their findings in the current picture.
    const db2 = new OrgDatabase(dbFile);
    expect(findings.length).toBe(db2.findingsOf('week-45').length);
    db2.close();
  });

  it('a 401 stops the run with an AuthError and records nothing', async () => {
    const db = new OrgDatabase(join(tmp, 'denied.db'));
    const client = createGitHubClient({ token: 'ghp_wrong', baseUrl: fake.baseUrl, pace: 'none' });
    const error = await scanOrganisation({ ...baseOptions(db), client }).catch((e) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('401');
    expect(error.message).not.toContain('ghp_wrong');
    expect(db.runs()).toEqual([]);
    db.close();
  });

  it('a killed run continues where it stopped, without scanning anything twice', async () => {
    const db = new OrgDatabase(join(tmp, 'resume.db'));
    let seen = 0;
    const killed = await scanOrganisation(
      baseOptions(db, {
        concurrency: 4,
        onProgress: (p) => {
          if (p.repository && ++seen === 40) throw new Error('killed');
        },
      }),
    ).catch((e) => e);
    expect(killed.message).toBe('killed');
    const done = db.runs()[0]!;
    expect(done.finishedAt).toBeNull();
    const recorded = db.recordedIn(done.id).size;
    expect(recorded).toBeGreaterThanOrEqual(40);
    const downloadsBefore = fake.downloads.length;
    const resumed = await scanOrganisation(baseOptions(db));
    expect(resumed.resumed).toBe(true);
    expect(resumed.run.id).toBe(done.id);
    expect(resumed.alreadyDone).toBe(recorded);
    expect(resumed.counts.scanned + resumed.counts.failed + recorded).toBe(198);
    expect(fake.downloads.length - downloadsBefore).toBe(198 - recorded - 3 + 1); // 404/451/503 never download; the truncated one twice
    expect(db.recordedIn(done.id).size).toBe(198);
    expect(db.run(done.id)!.finishedAt).not.toBeNull();
    db.close();
  }, 300_000);

  it('shards are disjoint, their union is the whole set, and merge + report equals a single run', async () => {
    const files: string[] = [];
    const names: string[][] = [];
    for (const i of [1, 2, 3]) {
      const file = join(tmp, `shard-${i}.db`);
      files.push(file);
      const db = new OrgDatabase(file);
      await scanOrganisation(
        baseOptions(db, { shard: parseShard(`${i}/3`), runId: 'week-45', now: at('2026-11-02T03:00:00Z') }),
      );
      names.push([...db.recordedIn('week-45')]);
      db.close();
    }
    const union = names.flat();
    expect(new Set(union).size).toBe(union.length);
    expect(union.length).toBe(198);
    for (const part of names) expect(part.length).toBeGreaterThan(40);
    const merged = join(tmp, 'merged.db');
    mergeDatabases(merged, files);
    mergeDatabases(merged, files); // twice: nothing doubles
    const single = new OrgDatabase(join(tmp, 'single-again.db'));
    await scanOrganisation(baseOptions(single, { runId: 'week-45', now: at('2026-11-02T03:00:00Z') }));
    const mergedDb = new OrgDatabase(merged);
    expect(renderResults(loadReport(mergedDb))).toBe(renderResults(loadReport(single)));
    const outMerged = join(tmp, 'out-merged');
    const outSingle = join(tmp, 'out-single');
    writeReport(loadReport(mergedDb), outMerged);
    writeReport(loadReport(single), outSingle);
    for (const name of ['results.json', 'summary.md', 'index.html', 'sarif/svc-000.sarif'])
      expect(readFileSync(join(outMerged, name), 'utf8'), name).toBe(
        readFileSync(join(outSingle, name), 'utf8'),
      );
    mergedDb.close();
    single.close();
  }, 300_000);
});

describe('history across three runs', () => {
  it('answers new, fixed and time to fix', async () => {
    const repos: FakeRepo[] = [
      { name: 'api', sha: sha('api-1'), files: { 'a.conf': 'open-port 22\n' } },
      { name: 'web', sha: sha('web-1'), files: { 'w.conf': 'open-port 80\nopen-port 443\n' } },
      { name: 'ops', sha: sha('ops-1'), files: { 'o.conf': 'open-port 9000\n' } },
    ];
    const local = await startFakeOrg({ org: 'acme', token: TOKEN, repos });
    const previous = fake;
    fake = local;
    try {
      const db = new OrgDatabase(join(tmp, 'history.db'));
      await scanOrganisation(baseOptions(db, { runId: 'r1', now: at('2026-10-01T00:00:00Z') }));
      // Week 2: api gains a finding; web fixes one of its two.
      repos[0]!.sha = sha('api-2');
      repos[0]!.files = { 'a.conf': 'open-port 22\nopen-port 3306\n' };
      repos[1]!.sha = sha('web-2');
      repos[1]!.files = { 'w.conf': 'open-port 443\n' };
      await scanOrganisation(baseOptions(db, { runId: 'r2', now: at('2026-10-08T00:00:00Z') }));
      // Week 3: ops fixes everything; api and web do not change.
      repos[2]!.sha = sha('ops-2');
      repos[2]!.files = { 'o.conf': 'bind 127.0.0.1\n' };
      const third = await scanOrganisation(baseOptions(db, { runId: 'r3', now: at('2026-10-15T00:00:00Z') }));
      expect(third.counts).toEqual({ scanned: 1, unchanged: 2, failed: 0 });

      const brief = (list: { repository: string; ruleId: string }[]) => list.map((f) => f.repository);
      expect(brief(newIn(db.db, 'r1'))).toEqual(['api', 'ops', 'web', 'web']);
      expect(brief(newIn(db.db, 'r2'))).toEqual(['api']);
      expect(fixedIn(db.db, 'r2').map((f) => [f.repository, f.fixedAt])).toEqual([
        ['web', '2026-10-08T00:00:00.000Z'],
      ]);
      expect(newIn(db.db, 'r3')).toEqual([]);
      expect(fixedIn(db.db, 'r3').map((f) => [f.repository, f.firstSeenAt])).toEqual([
        ['ops', '2026-10-01T00:00:00.000Z'],
      ]);
      expect(meanDaysToFix(db.db)).toBe(10.5); // web: 7 days, ops: 14 days
      expect(runHistory(db.db).map((r) => [r.runId, r.bySeverity.high, r.new, r.fixed])).toEqual([
        ['r1', 4, 4, 0],
        ['r2', 4, 1, 1],
        ['r3', 3, 0, 1],
      ]);
      const report = loadReport(db);
      expect(report.runId).toBe('r3');
      expect(report.findings.map((f) => f.repository)).toEqual(['api', 'api', 'web']);
      db.close();
    } finally {
      fake = previous;
      await local.close();
    }
  });
});
