/**
 * An installation without the grammars' `.wasm` files (a bundle copied without them): the files
 * that need a grammar are listed as not scanned, with the reason, and every other file is scanned.
 * A process of its own (the bundle), since a grammar stays loaded in a process once loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBin, bundledEnv } from './test-support/run-cli.ts';
import { writeTree } from './test-support/write-tree.ts';

const noGrammars = mkdtempSync(join(tmpdir(), 'plumbline-no-wasm-'));

/** The bundle's JSON report on `dir`, its `.wasm` files looked for in an empty folder (or beside it: `shipped`). */
function audit(dir: string, extra: string[] = [], shipped = false) {
  const r = spawnSync(process.execPath, [bundledBin, 'audit', dir, '-f', 'json', ...extra], {
    encoding: 'utf8',
    env: bundledEnv(shipped ? {} : { PLUMBLINE_WASM_DIR: noGrammars }),
  });
  const report = JSON.parse(r.stdout) as {
    findings: { file: string; ruleId: string }[];
    errors: { file: string; kind: string; message: string }[];
  };
  return {
    code: r.status,
    stderr: r.stderr,
    report,
    json: r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0'),
  };
}

const WEB =
  'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n';
// Arithmetic expansion: the hand-written shell reader leaves it to the tree-sitter grammar.
const API =
  'FROM debian:12-slim\nARG BUILD=7\nRUN echo "release $((BUILD + 1))" > /etc/release && apt-get update\nUSER 10001\n';
const COMPUTE = `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = templatefile("\${path.module}/init.sh.tftpl", { port = 8080 })
}
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
`;

describe('grammars missing beside the bundle', () => {
  it('lists each file that needs one, with the reason, and scans every other file, on one thread or two', () => {
    const dir = writeTree(mkdtempSync(join(tmpdir(), 'plumbline-no-wasm-repo-')), {
      'services/web/Dockerfile': WEB,
      'services/api/Dockerfile': API,
      'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
      // templatefile() renders while the rules run: the grammar is loaded for such a file first.
      'infra/compute.tf': COMPUTE,
      'infra/init.sh.tftpl': '#!/bin/sh\nexec /usr/local/bin/web --port ${port}\n',
      'deploy/pod.yaml': POD,
    });
    const one = audit(dir, ['--threads', '1']);
    // core/unscannable is high: the default gate fails, nothing passes unseen.
    expect(one.code, one.stderr).toBe(1);
    expect(one.report.errors.map((e) => [e.file, e.kind])).toEqual([
      ['infra/compute.tf', 'unscannable'],
      ['services/api/Dockerfile', 'unscannable'],
    ]);
    const [tf, api] = one.report.errors;
    expect(tf!.message).toBe(
      `not fully scanned: the hcl parser could not load what this file needs (is the installation complete?): ENOENT: no such file or directory, access '${join(noGrammars, 'web-tree-sitter.wasm')}'`,
    );
    expect(api!.message).toMatch(
      /^not fully scanned: the dockerfile parser could not load what this file needs/,
    );
    const rules = (file: string) => one.report.findings.filter((f) => f.file === file).map((f) => f.ruleId);
    expect(rules('services/api/Dockerfile')).toEqual(['core/unscannable']);
    expect(rules('infra/compute.tf')).toEqual(['core/unscannable']);
    expect(rules('infra/main.tf')).toContain('terraform/s3-bucket-versioning');
    expect(rules('services/web/Dockerfile')).toContain('dockerfile/copy-deps-before-source');
    expect(rules('deploy/pod.yaml')).toContain('k8s/no-latest-image');
    // The WebAssembly runtime is never reached, so it prints nothing of its own.
    expect(one.stderr).toBe('');
    expect(audit(dir, ['--threads', '2']).json).toBe(one.json);
    // Installed whole, the same files are read through.
    const whole = audit(dir, ['--fail-on', 'none'], true);
    expect(whole.report.errors).toEqual([]);
    expect(
      whole.report.findings.filter((f) => f.file === 'services/api/Dockerfile').map((f) => f.ruleId),
    ).toEqual(['dockerfile/apt-get-update-alone']);
    expect(whole.report.findings.filter((f) => f.file === 'infra/compute.tf').map((f) => f.ruleId)).toContain(
      'terraform/ec2-imdsv2',
    );
  });

  it('are not needed for what the built-in readers read on their own', () => {
    const dir = writeTree(mkdtempSync(join(tmpdir(), 'plumbline-no-wasm-repo-')), {
      'services/web/Dockerfile': WEB,
      'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
      'deploy/pod.yaml': POD,
    });
    const r = audit(dir, ['--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.errors).toEqual([]);
    expect(r.report.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['dockerfile/copy-deps-before-source', 'terraform/s3-bucket-versioning']),
    );
  });
});
