/**
 * The sticky comment of a realistic pull request, posted by the bundle to the loopback fake GitHub,
 * rendered to HTML (marked, GitHub-flavoured) with GitHub-like CSS and opened in headless Chromium.
 * The DOM Chromium built is checked, and its screenshot kept as an artefact
 * (.artifacts/pr-comment.png; `PLUMBLINE_UPDATE_DOCS=1` also refreshes docs/pr-comment.{md,png}).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../github/src/test-support/fake-github.ts';
import { committedBundle, PullRequestScenario, packageDir, runBundle } from './test-support/scenario.ts';

const artifacts = join(packageDir, '.artifacts');

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}
const chromium = findChromium();

const BASE = {
  Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["node", "server.js"]\n',
  'k8s/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      automountServiceAccountToken: false
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2@sha256:4c7ebd8bf2d6d1c5a5b1b5d0a0f0c2e3d4b5a6978899aabbccddeeff00112233
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
            seccompProfile: { type: RuntimeDefault }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
`,
  'charts/web/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
};

const CHANGE = {
  Dockerfile: `FROM node:20-slim
WORKDIR /app
RUN apt-get update && apt-get install curl
RUN curl -k https://get.example.com/setup.sh | sh
COPY . .
USER 1000
CMD node server.js
`,
  'k8s/api.yaml': BASE['k8s/api.yaml'].replace(
    '            runAsNonRoot: true\n',
    '            runAsNonRoot: true\n            privileged: true\n',
  ),
  '.github/workflows/greet.yml': `name: greet
on: pull_request_target
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - run: echo "Thanks for \${{ github.event.pull_request.title }}"
`,
};

const CSS = `
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: #1f2328; background: #fff; margin: 0; padding: 24px; }
.comment { max-width: 880px; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e;
  border-radius: 6px 6px 0 0; }
.comment header b { color: #1f2328; }
.markdown-body { padding: 16px; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 0 0 16px; }
.markdown-body p, .markdown-body ul, .markdown-body details { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body li + li { margin-top: .25em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 85%;
  background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; }
.markdown-body pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body summary { cursor: pointer; }
.markdown-body sub { color: #59636e; }
`;

const scenarios: PullRequestScenario[] = [];
afterAll(() => {
  for (const s of scenarios) s.remove();
});

describe('the sticky comment in a browser', () => {
  it.skipIf(!chromium && !process.env.CI)(
    'renders worst first: counts, Fix first with file:line links, collapsed files; screenshot kept',
    async () => {
      expect(chromium, 'Chromium is needed (apt-get install -y chromium)').toBeDefined();
      const gh = await new FakeGitHub('acme', 'shop').start();
      const s = new PullRequestScenario(BASE);
      scenarios.push(s);
      s.push(CHANGE);
      gh.pulls.set(2, { number: 2, files: s.files() });
      const run = await runBundle(
        committedBundle,
        {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: s.event('opened'),
          GITHUB_WORKSPACE: s.checkout(),
          GITHUB_API_URL: gh.url,
          GITHUB_SHA: s.mergeSha,
          GITHUB_REF: 'refs/pull/2/merge',
          GITHUB_REPOSITORY: 'acme/shop',
        },
        { 'github-token': gh.token },
      );
      await gh.stop();
      expect(run.code).toBe(1);
      expect(gh.issueComments).toHaveLength(1);
      const body = gh.issueComments[0]!.body;
      expect(body).not.toContain('charts/web'); // an untouched template the PR did not change

      const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="comment"><header><b>github-actions</b> bot commented</header>
<div class="markdown-body">${await marked.parse(body, { gfm: true })}</div></div></body></html>`;
      const dir = mkdtempSync(join(tmpdir(), 'plumbline-render-'));
      const page = join(dir, 'comment.html');
      writeFileSync(page, html);
      const flags = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--hide-scrollbars',
      ];
      // One browser start gives both the DOM and the screenshot.
      const screenshot = join(dir, 'pr-comment.png');
      const dom = execFileSync(
        chromium!,
        [
          ...flags,
          '--dump-dom',
          `--screenshot=${screenshot}`,
          '--window-size=960,1100',
          pathToFileURL(page).href,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 },
      );
      // What a reviewer sees on the first screen, in order: title, counts, Fix first, then the rest.
      const text = dom.replace(/<[^>]+>/g, '');
      const at = (needle: string) => text.indexOf(needle);
      expect(at('Plumbline: new findings in this pull request')).toBeGreaterThanOrEqual(0);
      expect(text).toMatch(/new findings: 🔴 1 critical · 🟠 \d+ high/);
      expect(at('Fix first')).toBeGreaterThan(at('new findings:'));
      expect(at('Other findings')).toBeGreaterThan(at('Fix first'));
      expect(dom).toMatch(
        /<strong>Critical<\/strong> · <a href="https:\/\/github\.com\/acme\/shop\/blob\/[0-9a-f]{40}\/k8s\/api\.yaml#L\d+"><code>k8s\/api\.yaml:\d+<\/code><\/a>/,
      );
      expect(dom).toMatch(/<details><summary><code>Dockerfile<\/code> · \d+ findings/);
      // nothing of the Markdown or of the hidden lines shows as text
      expect(text).not.toMatch(/\*\*|plumbline:state|plumbline:report|&lt;details/);

      const png = readFileSync(screenshot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(960); // width from the IHDR chunk
      expect(png.length).toBeGreaterThan(20_000);
      mkdirSync(artifacts, { recursive: true });
      copyFileSync(screenshot, join(artifacts, 'pr-comment.png'));
      writeFileSync(join(artifacts, 'pr-comment.html'), html);
      if (process.env.PLUMBLINE_UPDATE_DOCS === '1') {
        copyFileSync(screenshot, join(packageDir, 'docs', 'pr-comment.png'));
        writeFileSync(join(packageDir, 'docs', 'pr-comment.md'), body);
      }
      rmSync(dir, { recursive: true, force: true });
      expect(existsSync(join(artifacts, 'pr-comment.png'))).toBe(true);
    },
    240_000,
  );
});
