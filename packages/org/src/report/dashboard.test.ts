import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGitHubClient } from '@plumbline/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgDatabase } from '../db/database.js';
import { scanOrganisation } from '../run.js';
import { type FakeOrg, type FakeRepo, startFakeOrg } from '../test-support/fake-org.js';
import { sha } from '../test-support/org-fixture.js';
import { toyKeep } from '../test-support/toy-auditor.js';
import { loadReport } from './model.js';
import { writeReport } from './write.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'ghs_dashboard_test';
const artifacts = new URL('../../.artifacts/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'plumbline-dashboard-'));
let fake: FakeOrg;
let page: string;

/** Headless Chromium with everything that could reach the network turned off. */
function chromium(args: string[]): string {
  const profile = mkdtempSync(join(work, 'profile-'));
  return execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
      `--user-data-dir=${profile}`,
      // Any request that is not the page itself fails: the page must need nothing else.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--virtual-time-budget=2000',
      ...args,
    ],
    { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

/** The value of every bar of one chart, in document order. */
function bars(dom: string, chart: string): number[] {
  const svg = new RegExp(`<svg[^>]*data-chart="${chart}"[^>]*>([\\s\\S]*?)</svg>`).exec(dom)?.[1];
  if (svg === undefined) throw new Error(`chart ${chart} missing`);
  return [...svg.matchAll(/<rect class="bar"[^>]*data-value="(\d+)"/g)].map((m) => Number(m[1]));
}

/** The page opened once (a browser start is seconds here): its DOM, and a screenshot kept as an artefact. */
let painted: { dom: string; shot: string } | undefined;
function firstPaint(): { dom: string; shot: string } {
  if (painted) return painted;
  mkdirSync(artifacts, { recursive: true });
  const shot = join(artifacts, 'dashboard.png');
  rmSync(shot, { force: true });
  const dom = chromium([
    '--dump-dom',
    `--screenshot=${shot}`,
    '--window-size=1280,2200',
    '--hide-scrollbars',
    pathToFileURL(page).href,
  ]);
  painted = { dom, shot };
  return painted;
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), 'Debian package chromium is needed (apt-get install -y chromium)').toBe(true);
  const repos: FakeRepo[] = Array.from({ length: 12 }, (_, i) => ({
    name: `svc-${i}`,
    sha: sha(`svc-${i}-1`),
    files: { 'deploy/app.conf': `${'open-port 22\n'.repeat(1 + (i % 4))}listen 8080\n` },
  }));
  repos.push({ name: 'lost', sha: sha('lost'), files: {}, tarballStatus: 404 });
  fake = await startFakeOrg({ org: 'acme', token: TOKEN, repos });
  const db = new OrgDatabase(join(work, 'history.db'));
  const scan = (runId: string, at: string) =>
    scanOrganisation({
      client: createGitHubClient({ token: TOKEN, baseUrl: fake.baseUrl, pace: 'none' }),
      org: 'acme',
      db,
      auditor: new URL('../test-support/toy-auditor.ts', import.meta.url).href,
      configHash: 'c',
      toolVersion: '0.1.0',
      keep: toyKeep,
      workers: 0,
      runId,
      now: () => new Date(at),
    });
  await scan('w1', '2026-10-05T03:00:00Z');
  // Week 2: two services fix everything, one gets worse.
  for (const i of [0, 1])
    Object.assign(repos[i]!, { sha: sha(`svc-${i}-2`), files: { 'deploy/app.conf': 'listen 8080\n' } });
  Object.assign(repos[2]!, {
    sha: sha('svc-2-2'),
    files: { 'deploy/app.conf': 'open-port 1\nopen-port 2\nopen-port 3\nopen-port 4\nopen-port 5\n' },
  });
  await scan('w2', '2026-10-12T03:00:00Z');
  await scan('w3', '2026-10-19T03:00:00Z');
  writeReport(loadReport(db), work);
  db.close();
  page = join(work, 'index.html');
});
afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('index.html in headless Chromium, offline', () => {
  it('references nothing outside the page', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*href=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
  });

  it('draws every chart with the history data', () => {
    const dom = firstPaint().dom;
    // Open high findings per run: w1 = 1+2+3+4 repeated over 12 services = 30; w2: -1-2 +2 = 29.
    const severity = bars(dom, 'severity-trend');
    expect(severity).toEqual([30, 29, 29]);
    expect(bars(dom, 'new-vs-fixed')).toEqual([30, 0, 2, 3, 0, 0]); // svc-2 keeps 3 of its fingerprints
    expect(bars(dom, 'top-rules')).toEqual([29]);
    const worst = bars(dom, 'worst-repositories');
    expect(worst[0]).toBe(5);
    expect(worst).toHaveLength(10);
    expect(dom).toMatch(/<td>lost<\/td><td>GitHub answered 404/);
  });

  it('filters the findings table in the browser', () => {
    const dom = chromium(['--dump-dom', `${pathToFileURL(page).href}#q=svc-2%20open-port`]);
    const rows = [...dom.matchAll(/<tr( hidden="")?><td>svc-/g)];
    expect(rows.filter((r) => !r[1])).toHaveLength(5);
    expect(dom).toContain('<span id="shown">5</span>');
  });

  it('keeps a screenshot as a test artefact', () => {
    const shot = firstPaint().shot;
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });
});
