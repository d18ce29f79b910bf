#!/usr/bin/env node
// Writes the JSON and SARIF reports of every fixtures/* folder, of fixtures/seed-guide/Dockerfile
// and of a few config cases (a config naming rules of packs the scan does not need), with
// `durationMs` blanked, into one folder: run it before and after a change and `diff -r` the two.
// Usage: node bench/compare-outputs.mjs <out-dir> [bin=packages/cli/dist/bin.js]. Build first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [out, bin = 'packages/cli/dist/bin.js'] = process.argv.slice(2);
if (!out) throw new Error('usage: node bench/compare-outputs.mjs <out-dir> [bin]');
mkdirSync(out, { recursive: true });

// Config cases live in a fixed folder outside the repository, so both runs see the same paths.
const configCase = join(tmpdir(), 'plumbline-compare-config');
mkdirSync(configCase, { recursive: true });
writeFileSync(join(configCase, 'Dockerfile'), 'FROM alpine:3.20\nRUN apk add curl\nUSER root\n');
writeFileSync(
  join(configCase, 'off-terraform.yaml'),
  [
    'rules:',
    '  terraform/s3-bucket-public-acl: off',
    '  CKV_K8S_16: low',
    '  gha/pin-actions-to-sha: high',
    '  k8s/allowed-registries: medium',
    '  terraform/eks-cluster-version: { options: { minimumVersion: "1.30" } }',
    '',
  ].join('\n'),
);
writeFileSync(
  join(configCase, 'bad-options.yaml'),
  'rules:\n  terraform/eks-cluster-version: { options: { minimumVersion: "latest" } }\n',
);
writeFileSync(join(configCase, 'unknown-rule.yaml'), 'rules:\n  terraform/no-such-rule: off\n');

const cases = [
  ...readdirSync(join(root, 'fixtures'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [d.name, [`fixtures/${d.name}`]]),
  ['seed-guide-Dockerfile', ['fixtures/seed-guide/Dockerfile']],
  ['seed-guide-threads-2', ['fixtures/seed-guide', '--threads', '2']],
  ['insecure-threads-2', ['fixtures/insecure', '--threads', '2']],
  ['config-off-terraform', [join(configCase, 'Dockerfile'), '-c', join(configCase, 'off-terraform.yaml')]],
  ['config-bad-options', [join(configCase, 'Dockerfile'), '-c', join(configCase, 'bad-options.yaml')]],
  ['config-unknown-rule', [join(configCase, 'Dockerfile'), '-c', join(configCase, 'unknown-rule.yaml')]],
];

for (const [name, args] of cases) {
  for (const format of ['json', 'sarif']) {
    const run = spawnSync(
      process.execPath,
      [bin, 'audit', ...args, '--format', format, '--fail-on', 'none'],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PLUMBLINE_HELM: process.env.PLUMBLINE_HELM ?? '/work/main/.tools/helm/helm' },
      },
    );
    const stdout = run.stdout.replace(/"durationMs": ?\d+/g, '"durationMs": 0');
    writeFileSync(join(out, `${name}.${format}`), `exit ${run.status}\n${run.stderr}\n${stdout}`);
  }
}
console.log(`wrote ${cases.length * 2} reports to ${out}`);
