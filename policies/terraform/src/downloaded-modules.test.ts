import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreRules, DiskFileSource, type FileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { testConfig } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from './index.js';

const config = testConfig();

const fixture = fileURLToPath(new URL('../../../fixtures/terraform-init', import.meta.url));

/** A disk source that records every path read or listed, to show what was (never) touched. */
function recording(root: string): { source: FileSource; touched: string[] } {
  const disk = new DiskFileSource(root);
  const touched: string[] = [];
  const source: FileSource = {
    name: disk.name,
    warnings: disk.warnings,
    list: () => disk.list(),
    read: (path) => {
      touched.push(path);
      return disk.read(path);
    },
    listFolder: (path) => {
      touched.push(`${path}/`);
      return disk.listFolder(path);
    },
  };
  return { source, touched };
}

async function audit(source: FileSource) {
  const result = await runAudit({
    source,
    languages: [hclLanguage],
    registry: new RuleRegistry([...rules, ...coreRules]),
    config,
    now: new Date('2026-01-01T00:00:00Z'),
  });
  return {
    result,
    lines: result.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn} ${f.ruleId} ${f.resource}`),
  };
}

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('after terraform init (fixtures/terraform-init)', () => {
  it('evaluates each downloaded module call with its own inputs, findings at the argument or the module file', async () => {
    const { lines, result } = await audit(new DiskFileSource(fixture));
    expect(result.errors).toEqual([]);
    expect(lines).toEqual([
      '.terraform/modules/logs_bucket/main.tf:1:1 terraform/s3-bucket-logging module.logs_bucket.aws_s3_bucket.this',
      '.terraform/modules/logs_bucket/main.tf:21:7 terraform/s3-bucket-kms-encryption module.logs_bucket.aws_s3_bucket_server_side_encryption_configuration.this',
      '.terraform/modules/logs_bucket/main.tf:33:5 terraform/s3-bucket-versioning module.logs_bucket.aws_s3_bucket_versioning.this[0]',
      '.terraform/modules/logs_bucket/modules/notification/main.tf:9:1 terraform/sns-topic-encryption module.logs_bucket.module.notification.aws_sns_topic.this',
      // bastion_sg opens SSH to the world at its `ingress_cidr_blocks` argument; db_sg (a VPC range) is quiet.
      'main.tf:35:3 terraform/security-group-open-admin-ports module.bastion_sg.aws_security_group_rule.ingress_rules[0]',
      // file(): the statement at its line in the JSON file.
      'policies/ci-deploy.json:13:7 terraform/iam-policy-admin aws_iam_policy.ci_deploy',
      // templatefile: `subjects` substituted, reported at the template's Condition.
      'policies/github-trust.json.tpl:10:7 terraform/iam-github-oidc-trust aws_iam_role.github_actions',
    ]);
    expect(result.findings.find((f) => f.ruleId === 'terraform/iam-github-oidc-trust')?.message).toContain(
      '`repo:acme-corp/*`',
    );
  });

  it('the registry tables stand aside for calls whose module was downloaded (no duplicate)', async () => {
    const { lines } = await audit(new DiskFileSource(fixture));
    // The tables would report `ingress_rules` (line 36) and `versioning` (line 55) of main.tf.
    expect(lines.filter((l) => l.startsWith('main.tf:36:') || l.startsWith('main.tf:55:'))).toEqual([]);
  });

  it('never reads a file() path outside the scan root', async () => {
    const { source, touched } = recording(fixture);
    const { result } = await audit(source);
    expect(touched.some((p) => p.includes('..') || p.includes('shared/baseline.json'))).toBe(false);
    expect(result.findings.filter((f) => f.resource === 'aws_iam_policy.shared_baseline')).toEqual([]);
    expect(touched).toContain('policies/ci-deploy.json');
    expect(touched).toContain('.terraform/modules/modules.json');
  });
});

describe('without a usable download', () => {
  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-tf-init-'));
    temps.push(dir);
    cpSync(fixture, dir, { recursive: true });
    return dir;
  }

  it('reports a downloaded module that does not parse as an error, and falls back to the registry table', async () => {
    const dir = copy();
    writeFileSync(
      join(dir, '.terraform/modules/bastion_sg/main.tf'),
      'resource "aws_security_group" "this" {\n',
    );
    const { result, lines } = await audit(new DiskFileSource(dir));
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'parse',
        file: '.terraform/modules/bastion_sg/main.tf',
        message: expect.stringMatching(/^downloaded module not evaluated: /),
      }),
    ]);
    // The table knows `ssh-tcp` with a world CIDR: reported at the `ingress_rules` argument.
    expect(lines).toContain('main.tf:36:3 terraform/security-group-open-admin-ports module.bastion_sg');
    expect(lines.filter((l) => l.includes('module.db_sg'))).toEqual([]);
  });

  it('leaves files over the size budget unknown, and ignores a broken modules.json with an error', async () => {
    const dir = copy();
    const big = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Sid: 'x'.repeat(300_000) }],
    };
    writeFileSync(join(dir, 'policies/ci-deploy.json'), JSON.stringify(big));
    writeFileSync(join(dir, '.terraform/modules/modules.json'), '{"Modules":[');
    const { result, lines } = await audit(new DiskFileSource(dir));
    expect(lines.filter((l) => l.includes('iam-policy-admin'))).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ kind: 'parse', file: '.terraform/modules/modules.json' }),
    ]);
    // Without modules.json the tables speak for the registry modules again.
    expect(lines).toContain('main.tf:55:3 terraform/s3-bucket-versioning module.logs_bucket');
  });
});
