import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pooledReport } from './test-support/pooled-report.ts';
import { writeTree } from './test-support/write-tree.ts';

/** An S3 bucket module whose findings depend on its caller's arguments. */
const bucketModule = `variable "name" {}
variable "acl" {
  default = "private"
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
`;

const securityGroup = (name: string, port: number, cidr: string) => `resource "aws_security_group" "${name}" {
  name = "${name}"
  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
`;

/** Padding so that folders weigh enough to be packed in shards of their own. */
const padding = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => `locals {\n  ${name}_${i} = "${'x'.repeat(60)}"\n}\n`).join('');

/**
 * Terraform repositories side by side, as real ones look: roots calling `../modules/x` and
 * `../../`, a module reached from two roots (each call gives its own findings), tfvars next to a
 * root, a called module far from its caller (only the call's link can tell), and a plan.
 */
function terraformRepos(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-tf-shards-'));
  const files: Record<string, string> = {
    // Two environments calling one shared module: public in prod only, through tfvars.
    'platform/modules/bucket/main.tf': bucketModule,
    'platform/envs/prod/main.tf': `variable "acl" {}\nmodule "logs" {\n  source = "../../modules/bucket"\n  name   = "prod-logs"\n  acl    = var.acl\n}\n${padding('prod', 600)}`,
    'platform/envs/prod/terraform.tfvars': 'acl = "public-read"\n',
    'platform/envs/dev/main.tf': `module "logs" {\n  source = "../../modules/bucket"\n  name   = "dev-logs"\n}\n${padding('dev', 600)}`,
    // A module repository: its examples call the root module with `../../`.
    'sg-module/main.tf': `variable "port" {}\n${securityGroup('this', 22, '10.0.0.0/8').replace('22', 'var.port').replace('22', 'var.port')}`,
    'sg-module/examples/ssh/main.tf': `module "sg" {\n  source = "../../"\n  port   = 22\n}\n${padding('ssh', 600)}`,
    'sg-module/examples/web/main.tf': `module "sg" {\n  source = "../../"\n  port   = 443\n}\n`,
    // A root module calling a module of another repository, far away: a link across shards.
    'apps/api/infra/main.tf': `module "assets" {\n  source = "../../../platform/modules/bucket"\n  name   = "api-assets"\n  acl    = "public-read-write"\n}\n`,
    // Unrelated roots, large enough to be spread.
    ...Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `fleet/service-${i}/main.tf`,
        `${securityGroup(`svc_${i}`, i % 2 ? 3389 : 8080, '0.0.0.0/0')}${padding(`svc_${i}`, 1000)}`,
      ]),
    ),
  };
  return writeTree(dir, files);
}

describe('--threads over Terraform repositories', () => {
  it('spreads the modules over shards, rechecks the call that crosses them, and gives byte-identical JSON', async () => {
    const dir = terraformRepos();
    const one = await pooledReport(dir, 1);
    const two = await pooledReport(dir, 2);
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, .*hcl in [2-9]/);
    // Only the far call crosses shards; `../modules/x` and `../../` stay inside their partition.
    expect(two.stderr).toMatch(/apps\/api\/infra\/main\.tf \(shard/);
    expect(two.stderr).not.toMatch(/envs\/(prod|dev)\/main\.tf \(shard|examples\/\w+\/main\.tf \(shard/);
    const findings = (JSON.parse(one.json) as { findings: { ruleId: string; resource?: string }[] }).findings;
    // Module instances are evaluated with their callers' arguments (and tfvars): the comparison means something.
    const resources = new Set(findings.map((f) => `${f.ruleId} ${f.resource}`));
    expect(resources).toContain('terraform/s3-bucket-public-acl module.logs.aws_s3_bucket_acl.this');
    expect(resources).toContain('terraform/s3-bucket-public-acl module.assets.aws_s3_bucket_acl.this');
    expect(two.json).toBe(one.json);
  });

  it('keeps every Terraform file together with a --var-file (it applies to every root module)', async () => {
    const dir = terraformRepos();
    writeFileSync(join(dir, 'shared.tfvars'), 'acl = "public-read"\n');
    const two = await pooledReport(dir, 2, '--var-file', join(dir, 'shared.tfvars'));
    expect(two.stderr).not.toMatch(/hcl in [2-9]/);
    expect(two.json).toBe((await pooledReport(dir, 1, '--var-file', join(dir, 'shared.tfvars'))).json);
  });
});
