import { runRule } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { describe, expect, it } from 'vitest';
import eksPublic from './rules/eks-public-endpoint/rule.js';
import rdsPublic from './rules/rds-public-access/rule.js';
import versioning from './rules/s3-bucket-versioning/rule.js';
import adminPorts from './rules/security-group-open-admin-ports/rule.js';

/** Findings of one rule as `file:line:column`. */
async function spans(rule: Parameters<typeof runRule>[0], files: Record<string, string>) {
  const result = await runRule(rule, [hclLanguage], files);
  expect(result.errors.filter((e) => e.kind === 'internal' || e.kind === 'parse')).toEqual([]);
  return result.findings
    .filter((f) => f.ruleId === rule.id)
    .map((f) => `${f.file}:${f.startLine}:${f.startColumn}`);
}

const db =
  'variable "public" {\n  default = false\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n';

describe('rules see evaluated values', () => {
  it('variable default: quiet when safe', async () => {
    expect(await spans(rdsPublic, { 'main.tf': db })).toEqual([]);
  });

  it('terraform.tfvars overrides the default', async () => {
    expect(await spans(rdsPublic, { 'main.tf': db, 'terraform.tfvars': 'public = true\n' })).toEqual([
      'main.tf:5:3',
    ]);
  });

  it('*.auto.tfvars is applied after terraform.tfvars', async () => {
    const files = {
      'main.tf': db,
      'terraform.tfvars': 'public = true\n',
      'zz.auto.tfvars': 'public = false\n',
    };
    expect(await spans(rdsPublic, files)).toEqual([]);
  });

  it('a variable set differently by two non-auto tfvars files is unknown: no finding either way', async () => {
    const files = {
      'main.tf': db.replace('default = false', 'default = true'),
      'dev.tfvars': 'public = false\n',
    };
    expect(await spans(rdsPublic, files)).toEqual([]);
  });

  it('locals and functions', async () => {
    const code =
      'locals {\n  settings = merge({ public = false }, { public = true })\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible = lookup(local.settings, "public", false)\n}\n';
    expect(await spans(rdsPublic, { 'main.tf': code })).toEqual(['main.tf:5:3']);
  });

  it('module inputs: the child is checked with the caller’s values, reported at the argument that chose them', async () => {
    const files = {
      'main.tf': 'module "db" {\n  source = "./modules/db"\n  public = true\n}\n',
      'modules/db/main.tf': db,
    };
    expect(await spans(rdsPublic, files)).toEqual(['main.tf:3:3']);
  });

  it('two callers of one module: each instance is checked with its own arguments', async () => {
    const files = {
      'a/main.tf': 'module "db" {\n  source = "../modules/db"\n  public = true\n}\n',
      'b/main.tf': 'module "db" {\n  source = "../modules/db"\n  public = false\n}\n',
      'modules/db/main.tf': db,
    };
    expect(await spans(rdsPublic, files)).toEqual(['a/main.tf:3:3']);
  });

  it('for_each on a module call: one instance per key, named by its call path', async () => {
    const files = {
      'main.tf':
        'module "db" {\n  source   = "./modules/db"\n  for_each = { prod = false, demo = true }\n  public   = each.value\n}\n',
      'modules/db/main.tf': db,
    };
    const result = await runRule(rdsPublic, [hclLanguage], files);
    expect(result.findings.map((f) => [f.file, f.startLine, f.resource])).toEqual([
      ['main.tf', 4, 'module.db["demo"].aws_db_instance.db'],
    ]);
  });

  it('a problem written in the module itself is reported once, not once per call', async () => {
    const files = {
      'main.tf':
        'module "a" {\n  source = "./modules/db"\n}\nmodule "b" {\n  source = "./modules/db"\n  count  = 2\n}\n',
      'modules/db/main.tf': 'resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\n',
    };
    const result = await runRule(rdsPublic, [hclLanguage], files);
    expect(result.findings.map((f) => [f.file, f.startLine, f.resource])).toEqual([
      ['modules/db/main.tf', 2, 'module.a.aws_db_instance.db'],
    ]);
  });

  it('a registry module call inside a local module called twice is reported once', async () => {
    const files = {
      'main.tf': 'module "blue" {\n  source = "./cluster"\n}\nmodule "green" {\n  source = "./cluster"\n}\n',
      'cluster/main.tf':
        'module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n  cluster_endpoint_public_access = true\n}\n',
    };
    expect(await spans(eksPublic, files)).toEqual(['cluster/main.tf:4:3']);
  });

  it('a rule that builds its own report (cluster version) also reports a module line once', async () => {
    const { default: eksVersion } = await import('./rules/eks-cluster-version/rule.js');
    const files = {
      'main.tf': 'module "blue" {\n  source = "./cluster"\n}\nmodule "green" {\n  source = "./cluster"\n}\n',
      'cluster/main.tf': 'resource "aws_eks_cluster" "c" {\n  version = "1.24"\n}\n',
    };
    expect(await spans(eksVersion, files)).toEqual(['cluster/main.tf:2:3']);
  });

  it('a value computed in the module from an input is reported in the module, with the call path', async () => {
    const files = {
      'main.tf': 'module "db" {\n  source = "./modules/db"\n  env    = "demo"\n}\n',
      'modules/db/main.tf':
        'variable "env" {}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.env == "demo"\n}\n',
    };
    const result = await runRule(rdsPublic, [hclLanguage], files);
    expect(result.findings.map((f) => [f.file, f.startLine, f.resource])).toEqual([
      ['modules/db/main.tf', 3, 'module.db.aws_db_instance.db'],
    ]);
  });

  it('unknowns never fire: variables without default, resource attributes, data sources, each.value', async () => {
    const code = [
      'variable "cidr" {}',
      'data "aws_ip_ranges" "r" {}',
      'resource "aws_security_group_rule" "a" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = [var.cidr]\n}',
      'resource "aws_security_group_rule" "b" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = data.aws_ip_ranges.r.cidr_blocks\n}',
      'resource "aws_security_group_rule" "c" {\n  for_each    = var.rules\n  type        = "ingress"\n  from_port   = each.value.port\n  to_port     = each.value.port\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
    ].join('\n');
    expect(await spans(adminPorts, { 'main.tf': code })).toEqual([]);
  });

  it('a conditional with a known condition picks its branch; an unknown one is unknown unless both agree', async () => {
    const code = (cond: string) =>
      `variable "env" {\n  default = "prod"\n}\nvariable "x" {}\nresource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ${cond}\n}\n`;
    expect(
      await spans(adminPorts, { 'main.tf': code('var.env == "prod" ? ["0.0.0.0/0"] : ["10.0.0.0/8"]') }),
    ).toEqual(['main.tf:10:3']);
    expect(await spans(adminPorts, { 'main.tf': code('var.x ? ["0.0.0.0/0"] : ["10.0.0.0/8"]') })).toEqual(
      [],
    );
    expect(await spans(adminPorts, { 'main.tf': code('var.x ? ["0.0.0.0/0"] : ["0.0.0.0/0"]') })).toEqual([
      'main.tf:10:3',
    ]);
  });

  it('split S3 resources are linked to their bucket through references in other files', async () => {
    const files = {
      'main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
      'versioning.tf':
        'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    };
    expect(await spans(versioning, files)).toEqual([]);
  });

  it('resources with a known for_each are checked per instance, with each.value known', async () => {
    const code =
      'locals {\n  rules = {\n    ssh   = { port = 22, cidr = "0.0.0.0/0" }\n    https = { port = 443, cidr = "0.0.0.0/0" }\n  }\n}\nresource "aws_security_group_rule" "in" {\n  for_each    = local.rules\n  type        = "ingress"\n  from_port   = each.value.port\n  to_port     = each.value.port\n  protocol    = "tcp"\n  cidr_blocks = [each.value.cidr]\n}\n';
    const result = await runRule(adminPorts, [hclLanguage], { 'main.tf': code });
    expect(result.findings.map((f) => [f.startLine, f.resource, f.message])).toEqual([
      [
        13,
        'aws_security_group_rule.in["ssh"]',
        '`aws_security_group_rule.in["ssh"]` allows port 22 (SSH) from 0.0.0.0/0.',
      ],
    ]);
  });
});
