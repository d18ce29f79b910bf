import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './test-support/run-cli.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'packages', 'cli', 'dist', 'bin.js');
const loadLog = new URL('./test-support/load-log.mjs', import.meta.url).pathname;

/** Runs the built CLI with a load log (test-support/load-log.mjs): its result, and the packs whose code it imported. */
function audit(args: string[]) {
  const log = join(mkdtempSync(join(tmpdir(), 'plumbline-loads-')), 'loads.txt');
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', loadLog, bin, 'audit', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PLUMBLINE_LOAD_LOG: log },
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  // A pack's rule-index.js is data: importing it is what a pack that is not needed costs.
  const code = urls.filter((u) => /\/policies\/[^/]+\/dist\//.test(u) && !u.endsWith('/dist/rule-index.js'));
  const packs = [...new Set(code.map((u) => u.match(/\/policies\/([^/]+)\//)![1]))].sort();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, packs, urls };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-lazy-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const DOCKERFILE = 'FROM alpine:3.20\nRUN apk add curl\n';
const WORKFLOW = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: someone/deploy-action@v1',
  '',
].join('\n');
const TERRAFORM = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';

describe('plumbline audit imports only the packs of the languages it scans', () => {
  it('one Dockerfile: the Dockerfile pack only', () => {
    const dir = tree({ Dockerfile: DOCKERFILE });
    const r = audit([join(dir, 'Dockerfile'), '--format', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.packs).toEqual(['dockerfile']);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'dockerfile/no-root-user',
    );
  });

  it('a Terraform file brings the Terraform pack (and only it)', () => {
    const dir = tree({ 'main.tf': TERRAFORM });
    const r = audit([dir, '--format', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.packs).toEqual(['terraform']);
    expect(
      JSON.parse(r.stdout).findings.some((f: { ruleId: string }) => f.ruleId.startsWith('terraform/')),
    ).toBe(true);
  });

  it('YAML brings the Kubernetes and GitHub Actions packs, in worker threads too', () => {
    const dir = tree({ Dockerfile: DOCKERFILE, '.github/workflows/ci.yml': WORKFLOW });
    const r = audit([dir, '--threads', '2', '--format', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.urls.some((u) => u.endsWith('/packages/cli/dist/engine-worker.js'))).toBe(true);
    expect(r.packs).toEqual(['dockerfile', 'github-actions', 'kubernetes']);
    const ids = JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('gha/pin-actions-to-sha');
    expect(ids).toContain('dockerfile/no-root-user');
  });

  it('a config naming rules of packs not imported is validated and applied as before', async () => {
    const dir = tree({
      Dockerfile: DOCKERFILE,
      'ok.yaml': [
        'rules:',
        '  terraform/s3-bucket-public-acl: off',
        '  CKV_K8S_16: low',
        '  terraform/eks-cluster-version: { options: { minimumVersion: "1.30" } }',
        '',
      ].join('\n'),
      'unknown.yaml': 'rules:\n  terraform/no-such-rule: off\n',
      'bad-options.yaml':
        'rules:\n  terraform/eks-cluster-version: { options: { minimumVersion: latest } }\n',
    });
    const file = join(dir, 'Dockerfile');
    const ok = audit([file, '-c', join(dir, 'ok.yaml'), '--format', 'sarif', '--fail-on', 'none']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.packs).toEqual(['dockerfile']);
    // SARIF describes every enabled rule, those of packs not imported included (from their index).
    const described = JSON.parse(ok.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(described).toContain('terraform/eks-cluster-version');
    expect(described).toContain('k8s/no-privileged-container');
    expect(described).not.toContain('terraform/s3-bucket-public-acl');

    // Refused before any pack is needed: the messages come from the in-process CLI.
    const unknown = await runBuiltCli(['audit', file, '-c', join(dir, 'unknown.yaml')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('rules.terraform/no-such-rule: unknown rule id or alias');
    const bad = await runBuiltCli(['audit', file, '-c', join(dir, 'bad-options.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'rules.terraform/eks-cluster-version.options.minimumVersion: must match pattern',
    );
  });
});
