import { fileURLToPath } from 'node:url';
import { coreRules, MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { readFixtureDir, testConfig } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

const config = testConfig();

async function audit(files: Record<string, string>) {
  return runAudit({
    source: new MemoryFileSource(files),
    languages: [hclLanguage],
    registry: new RuleRegistry([...rules, ...coreRules]),
    config,
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

const fixture = (name: string) =>
  readFixtureDir(fileURLToPath(new URL(`../../../fixtures/${name}/infra`, import.meta.url)));

describe('fixtures', () => {
  it('the hardened infrastructure is quiet above low', async () => {
    const result = await audit(fixture('hardened'));
    expect(result.errors).toEqual([]);
    const loud = result.findings.filter((f) => f.severity !== 'low' && f.severity !== 'info');
    expect(loud.map((f) => `${f.file}:${f.startLine} ${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('the insecure infrastructure triggers the main rules', async () => {
    const result = await audit(fixture('insecure'));
    expect(result.errors).toEqual([]);
    const ids = new Set(result.findings.map((f) => f.ruleId));
    for (const id of [
      'terraform/backend-s3-encrypt',
      'terraform/backend-s3-locking',
      'terraform/required-providers-version',
      'terraform/provider-hardcoded-credentials',
      'terraform/module-source-pinned',
      'terraform/s3-bucket-public-acl',
      'terraform/s3-bucket-public-access-block',
      'terraform/security-group-open-admin-ports',
      'terraform/security-group-open-all-ports',
      'terraform/rds-public-access',
      'terraform/rds-instance-encryption',
      'terraform/rds-multi-az',
      'terraform/hardcoded-secrets',
      'terraform/iam-policy-admin',
      'terraform/ec2-imdsv2',
      'terraform/eks-cluster-version',
      'terraform/eks-public-cidr',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI');
    expect(JSON.stringify(result)).not.toContain('Sup3rS3cret');
  });
});

describe("the guide's EKS example (fixtures/seed-guide/infra)", () => {
  it('gets the findings a reviewer would agree with, and no others', async () => {
    const result = await audit(
      readFixtureDir(fileURLToPath(new URL('../../../fixtures/seed-guide/infra', import.meta.url))),
    );
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.startLine}:${f.startColumn} ${f.ruleId}`)).toEqual([
      '1:1 terraform/required-version',
      '9:3 terraform/backend-s3-encrypt',
      '9:3 terraform/backend-s3-locking',
      // The module's log group for control-plane logs has no customer-managed key (low).
      '16:1 terraform/cloudwatch-log-group-kms',
      '21:3 terraform/eks-cluster-version',
    ]);
  });
});

describe("the guide's EKS stack through the EKS module and as raw resources (fixtures/seed-guide-eks)", () => {
  const dir = (name: string) =>
    readFixtureDir(fileURLToPath(new URL(`../../../fixtures/seed-guide-eks/${name}`, import.meta.url)));
  const ids = async (files: Record<string, string>) => {
    const result = await audit(files);
    expect(result.errors).toEqual([]);
    return [...new Set(result.findings.map((f) => f.ruleId))].sort();
  };

  it('gives the same findings both ways', async () => {
    const viaModule = await ids(dir('module'));
    expect(viaModule).toEqual([
      'terraform/backend-s3-encrypt',
      'terraform/backend-s3-locking',
      'terraform/cloudwatch-log-group-kms',
      'terraform/eks-cluster-version',
      'terraform/required-version',
    ]);
    expect(await ids(dir('raw'))).toEqual(viaModule);
  });

  it('reports the same insecure changes both ways, at the line that makes them', async () => {
    const module = dir('module');
    const raw = dir('raw');
    module['main.tf'] = module['main.tf']!.replace(
      '  cluster_version = "1.29"\n',
      '  cluster_version = "1.29"\n\n  cluster_endpoint_public_access = true\n  cluster_encryption_config      = {}\n',
    );
    raw['main.tf'] = raw['main.tf']!.replace(
      'endpoint_public_access  = false',
      'endpoint_public_access  = true',
    ).replace(/\n {2}encryption_config \{[^}]*\}\n {2}\}\n/, '\n');
    const added = [
      'terraform/eks-public-cidr',
      'terraform/eks-public-endpoint',
      'terraform/eks-secrets-encryption',
    ];
    const viaModule = await ids(module);
    expect(viaModule).toEqual(
      [
        ...added,
        'terraform/backend-s3-encrypt',
        'terraform/backend-s3-locking',
        'terraform/cloudwatch-log-group-kms',
        'terraform/eks-cluster-version',
        'terraform/required-version',
      ].sort(),
    );
    expect(await ids(raw)).toEqual(viaModule);
    const result = await audit(module);
    const endpoint = result.findings.find((f) => f.ruleId === 'terraform/eks-public-endpoint')!;
    expect([endpoint.startLine, endpoint.startColumn, endpoint.resource]).toEqual([23, 3, 'module.eks']);
  });
});

describe('inline suppressions', () => {
  const bucket = (comment: string, inside = '') =>
    `${comment}resource "aws_s3_bucket" "b" {\n${inside}  bucket = "x"\n  acl    = "public-read"\n}\n`;
  const state = (result: Awaited<ReturnType<typeof audit>>, id: string) =>
    result.findings.filter((f) => f.ruleId === id).map((f) => f.suppressed?.kind ?? 'open');

  it('#checkov:skip above the resource suppresses by alias, with its reason', async () => {
    const result = await audit({ 'main.tf': bucket('#checkov:skip=CKV_AWS_20:public website bucket\n') });
    const f = result.findings.find((x) => x.ruleId === 'terraform/s3-bucket-public-acl')!;
    expect(f.suppressed).toEqual({ kind: 'inline', reason: 'public website bucket' });
    expect(state(result, 'terraform/s3-bucket-versioning')).toEqual(['open']);
  });

  it('#checkov:skip inside the block applies to a finding on another line of it', async () => {
    const result = await audit({ 'main.tf': bucket('', '  #checkov:skip=CKV_AWS_20:website\n') });
    expect(state(result, 'terraform/s3-bucket-public-acl')).toEqual(['inline']);
  });

  it('#trivy:ignore:AWS-0092 and the AVD- spelling suppress', async () => {
    for (const comment of ['#trivy:ignore:AWS-0092\n', '#trivy:ignore:AVD-AWS-0092\n']) {
      const result = await audit({ 'main.tf': bucket(comment) });
      expect(state(result, 'terraform/s3-bucket-public-acl'), comment).toEqual(['inline']);
    }
  });

  it('trivy ignore for a public access block setting (AWS-0086)', async () => {
    const result = await audit({
      'main.tf':
        '#trivy:ignore:AWS-0086\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket              = "x"\n  block_public_acls   = false\n  block_public_policy = false\n}\n',
    });
    expect(state(result, 'terraform/s3-block-public-acls')).toEqual(['inline']);
    expect(state(result, 'terraform/s3-block-public-policy')).toEqual(['open']);
  });

  it('# plumbline:ignore with a rule id and a reason; // and /* */ comments work too', async () => {
    for (const comment of [
      '# plumbline:ignore terraform/s3-bucket-public-acl -- static site\n',
      '// plumbline:ignore terraform/s3-bucket-public-acl -- static site\n',
      '/* plumbline:ignore CKV_AWS_20 -- static site */\n',
    ]) {
      const result = await audit({ 'main.tf': bucket(comment) });
      expect(state(result, 'terraform/s3-bucket-public-acl'), comment).toEqual(['inline']);
      expect(result.findings.filter((f) => f.ruleId.startsWith('core/'))).toEqual([]);
    }
  });

  it('an ignore comment on the attribute line applies', async () => {
    const result = await audit({
      'main.tf':
        'resource "aws_s3_bucket" "b" {\n  acl = "public-read" # plumbline:ignore terraform/s3-bucket-public-acl -- website\n}\n',
    });
    expect(state(result, 'terraform/s3-bucket-public-acl')).toEqual(['inline']);
  });

  it('an ignore comment for one resource does not leak to the next', async () => {
    const result = await audit({
      'main.tf': `${bucket('#checkov:skip=CKV_AWS_20:website\n')}resource "aws_s3_bucket_acl" "other" {\n  bucket = "y"\n  acl    = "public-read"\n}\n`,
    });
    expect(state(result, 'terraform/s3-bucket-public-acl')).toEqual(['inline', 'open']);
  });

  it('findings name the resource address', async () => {
    const result = await audit({ 'main.tf': bucket('') });
    expect(result.findings.find((f) => f.ruleId === 'terraform/s3-bucket-public-acl')!.resource).toBe(
      'aws_s3_bucket.b',
    );
  });
});

describe('plan JSON', () => {
  it('is scanned by the same rules, pointing at the resource in the plan', async () => {
    const plan = JSON.stringify(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            child_modules: [
              {
                address: 'module.db',
                resources: [
                  {
                    address: 'module.db.aws_db_instance.this',
                    mode: 'managed',
                    type: 'aws_db_instance',
                    name: 'this',
                    values: { storage_encrypted: false, publicly_accessible: true, engine: 'postgres' },
                  },
                ],
              },
            ],
          },
        },
        resource_changes: [
          {
            address: 'module.db.aws_db_instance.this',
            change: { after_unknown: { deletion_protection: true } },
          },
        ],
      },
      null,
      2,
    );
    const result = await audit({ 'plan.json': plan });
    const pub = result.findings.find((f) => f.ruleId === 'terraform/rds-public-access')!;
    expect(pub.resource).toBe('module.db.aws_db_instance.this');
    expect(plan.split('\n')[pub.startLine - 1]).toContain('"publicly_accessible": true');
    expect(result.findings.some((f) => f.ruleId === 'terraform/rds-instance-encryption')).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'terraform/rds-deletion-protection')).toBe(false);
  });

  it('maps findings to the .tf line through the configuration block when the source is in the scan root', async () => {
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.5',
      planned_values: {
        root_module: {
          child_modules: [
            {
              address: 'module.db["prod"]',
              resources: [
                {
                  address: 'module.db["prod"].aws_db_instance.this',
                  mode: 'managed',
                  type: 'aws_db_instance',
                  name: 'this',
                  values: { publicly_accessible: true, storage_encrypted: true, engine: 'postgres' },
                },
              ],
            },
          ],
        },
      },
      configuration: {
        root_module: {
          module_calls: {
            db: {
              source: './modules/db',
              for_each_expression: { references: ['local.dbs'] },
              module: {
                resources: [
                  { address: 'aws_db_instance.this', mode: 'managed', type: 'aws_db_instance', name: 'this' },
                ],
              },
            },
          },
        },
      },
    };
    const files = {
      'plan.json': JSON.stringify(plan, null, 2),
      'modules/db/main.tf':
        'variable "public" {}\nresource "aws_db_instance" "this" {\n  engine              = "postgres"\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n',
    };
    const result = await audit(files);
    const pub = result.findings.filter((f) => f.ruleId === 'terraform/rds-public-access');
    expect(pub.map((f) => [f.file, f.startLine, f.startColumn, f.resource])).toEqual([
      ['modules/db/main.tf', 5, 3, 'module.db["prod"].aws_db_instance.this'],
    ]);
    // Without the module source in the scan root, the finding stays in the plan.
    const alone = await audit({ 'plan.json': files['plan.json'] });
    expect(alone.findings.find((f) => f.ruleId === 'terraform/rds-public-access')!.file).toBe('plan.json');
  });
});
