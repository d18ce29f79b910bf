import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '@plumbline/github';
import { afterAll, describe, expect, it } from 'vitest';
import { OrgDatabase } from './db/database.js';
import { ISSUE_MARKER, publishResults } from './publish.js';
import { loadReport } from './report/model.js';
import { scanOrganisation } from './run.js';
import { type FakeRepo, startFakeOrg } from './test-support/fake-org.js';
import { sha } from './test-support/org-fixture.js';
import { toyKeep } from './test-support/toy-auditor.js';

const TOKEN = 'ghs_publish_test';
const tmp = mkdtempSync(join(tmpdir(), 'plumbline-publish-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('publishResults (--upload-sarif, --open-issues)', () => {
  it('uploads SARIF of scanned repositories and keeps one tracking issue each, closed when clean', async () => {
    const repos: FakeRepo[] = [
      { name: 'api', sha: sha('api-1'), files: { 'a.conf': 'open-port 22\n' }, defaultBranch: 'trunk' },
      { name: 'clean', sha: sha('clean-1'), files: { 'c.conf': 'listen 80\n' } },
      { name: 'ops', sha: sha('ops-1'), files: { 'o.conf': 'open-port 9000\nopen-port 9001\n' } },
    ];
    const fake = await startFakeOrg({ org: 'acme', token: TOKEN, repos });
    const client = createGitHubClient({ token: TOKEN, baseUrl: fake.baseUrl, pace: 'none' });
    const db = new OrgDatabase(join(tmp, 'p.db'));
    const round = async (runId: string) => {
      await scanOrganisation({
        client,
        org: 'acme',
        db,
        auditor: new URL('./test-support/toy-auditor.ts', import.meta.url).href,
        configHash: 'c',
        toolVersion: '0.1.0',
        keep: toyKeep,
        workers: 0,
        runId,
      });
      return publishResults(client, loadReport(db, runId), {
        owner: 'acme',
        uploadSarif: true,
        openIssues: true,
        pollIntervalMs: 1,
      });
    };
    try {
      const first = await round('r1');
      expect(first).toEqual({
        sarifUploaded: 3,
        issuesOpened: 2,
        issuesUpdated: 0,
        issuesClosed: 0,
        errors: [],
      });
      const api = fake.sarifUploads.find((u) => u.repository === 'api')!;
      expect(api).toMatchObject({ commitSha: sha('api-1'), ref: 'refs/heads/trunk' });
      expect((api.sarif as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(1);
      expect(fake.issues.get('clean')).toEqual([]);
      const opsIssue = fake.issues.get('ops')![0]!;
      expect(opsIssue.body).toContain(ISSUE_MARKER);
      expect(opsIssue.body).toContain('**2** open findings');
      expect(opsIssue.body).toContain(`[o.conf:2](../blob/${sha('ops-1')}/o.conf#L2)`);

      // ops fixes everything; api is unchanged and is left alone.
      Object.assign(repos[2]!, { sha: sha('ops-2'), files: { 'o.conf': 'bind 127.0.0.1\n' } });
      const second = await round('r2');
      expect(second).toEqual({
        sarifUploaded: 1,
        issuesOpened: 0,
        issuesUpdated: 0,
        issuesClosed: 1,
        errors: [],
      });
      expect(fake.issues.get('ops')![0]!.state).toBe('closed');

      // api gets worse: its issue is updated in place, not duplicated.
      Object.assign(repos[0]!, { sha: sha('api-2'), files: { 'a.conf': 'open-port 22\nopen-port 23\n' } });
      const third = await round('r3');
      expect(third).toEqual({
        sarifUploaded: 1,
        issuesOpened: 0,
        issuesUpdated: 1,
        issuesClosed: 0,
        errors: [],
      });
      expect(fake.issues.get('api')).toHaveLength(1);
      expect(fake.issues.get('api')![0]!.body).toContain('**2** open findings');
    } finally {
      db.close();
      await fake.close();
    }
  });
});
