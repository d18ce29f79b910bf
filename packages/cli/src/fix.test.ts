import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixTarget } from './fix.js';
import { runBuiltCli } from './test-support/run-cli.ts';

/** The built CLI's entry function, run in this process (see test-support/run-cli.ts). */
function cli(args: string[], cwd: string) {
  return runBuiltCli(args, cwd);
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-fix-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const DOCKERFILE =
  'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install curl\nUSER 1000\nCMD node server.js\n';
const WORKFLOW =
  'name: ci\non: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n';

describe('plumbline audit --fix-dry-run / --fix', () => {
  it('prints a unified diff that git applies, and changes nothing', async () => {
    const dir = tree({ Dockerfile: DOCKERFILE, '.github/workflows/ci.yml': WORKFLOW });
    const r = await cli(['audit', '.', '--fix-dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(r.stdout).toContain(
      '+    && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
    );
    expect(r.stdout).toContain('+CMD ["node", "server.js"]');
    expect(r.stdout).toContain('--- a/.github/workflows/ci.yml');
    expect(r.stderr).toMatch(/fixes would change 2 files \(dry run: nothing written\)/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
    writeFileSync(join(dir, 'fix.patch'), r.stdout);
    const apply = spawnSync('git', ['apply', '--check', '-v', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    expect(apply.status, apply.stderr).toBe(0);
  });

  it('applies the fixes in place (mode kept), then reports only what is left', async () => {
    const dir = tree({ Dockerfile: DOCKERFILE });
    const before = statSync(join(dir, 'Dockerfile')).mode;
    const r = await cli(['audit', '.', '--fix', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Fixed \d+ findings in 1 file: Dockerfile\.$/m);
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(fixed).toBe(
      'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\nCMD ["node", "server.js"]\n',
    );
    expect(statSync(join(dir, 'Dockerfile')).mode).toBe(before);
    for (const gone of [
      'apt-no-install-recommends',
      'apt-get-assume-yes',
      'apt-lists-cleanup',
      'json-form-cmd',
    ])
      expect(r.stdout).not.toContain(`dockerfile/${gone}`);
    // nothing left to fix: a second run changes nothing
    const again = await cli(['audit', '.', '--fix-dry-run'], dir);
    expect(again.stdout).toBe('');
    expect(again.code).toBe(0);
  });

  it('never writes outside the scanned directory, also not through a symbolic link', async () => {
    const outside = tree({ Dockerfile: DOCKERFILE });
    const dir = tree({});
    symlinkSync(join(outside, 'Dockerfile'), join(dir, 'Dockerfile'));
    expect(fixTarget(dir, 'Dockerfile').reason).toBe(
      'a symbolic link that leads outside the scanned directory',
    );
    expect(fixTarget(dir, '../x/Dockerfile').reason).toBe('outside the scanned directory');
    await cli(['audit', '.', '--fix'], dir);
    expect(readFileSync(join(outside, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
  });

  it('hardens every container of a multi-document manifest in place, and the re-scan finds nothing to fix', async () => {
    const manifest = [
      '# the worker and its account',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: worker',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: reindex',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      initContainers:',
      '      - name: wait',
      '        image: busybox:1.36',
      '        securityContext: {readOnlyRootFilesystem: true}',
      '      containers:',
      '      - name: reindex # the long one',
      '        image: registry.example.com/reindex:4.0',
      '        args: [--all]',
      '',
    ].join('\n');
    const dir = tree({ 'deploy/jobs.yaml': manifest });
    const r = await cli(['audit', '.', '--fix', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Fixed \d+ findings in 1 file: deploy\/jobs\.yaml\.$/m);
    const fixed = readFileSync(join(dir, 'deploy/jobs.yaml'), 'utf8');
    expect(fixed).toContain(
      [
        '        securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: ["ALL"]}, seccompProfile: {type: RuntimeDefault}}',
        '      containers:',
        '      - name: reindex # the long one',
        '        image: registry.example.com/reindex:4.0',
        '        securityContext:',
        '          allowPrivilegeEscalation: false',
        '          readOnlyRootFilesystem: true',
        '          runAsNonRoot: true',
        '          capabilities:',
        '            drop: ["ALL"]',
        '          seccompProfile:',
        '            type: RuntimeDefault',
        '        args: [--all]',
      ].join('\n'),
    );
    expect(fixed.startsWith(manifest.slice(0, manifest.indexOf('      initContainers:')))).toBe(true);
    const after = JSON.parse(r.stdout) as {
      findings: { ruleId: string; fix?: unknown }[];
      errors: unknown[];
    };
    expect(after.errors).toEqual([]);
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
    expect(after.findings.map((f) => f.ruleId)).not.toContain('k8s/require-security-context');
  });

  it('refuses to combine --fix with --new-since', async () => {
    const r = await cli(['audit', '.', '--fix', '--new-since', 'main'], tree({ Dockerfile: DOCKERFILE }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fix and --fix-dry-run cannot be combined with --new-since/);
  });
});
