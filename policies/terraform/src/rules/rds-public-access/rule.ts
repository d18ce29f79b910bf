import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { forbidTrue } from '../../lib/checks.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-public-access',
  domain: terraformDomain,
  meta: {
    title: 'RDS database is publicly accessible',
    description: 'An `aws_db_instance` or `aws_rds_cluster_instance` sets `publicly_accessible = true`.',
    rationale:
      'A public database endpoint is reachable from the internet wherever its security group allows, and databases are prime targets for credential stuffing and exploits. Databases belong in private subnets. High.',
    remediation:
      'Set `publicly_accessible = false` and reach the database through the VPC (bastion, SSM port forwarding, VPN).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_17', 'AWS-0180'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/rds-public-access');
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster_instance')) {
      forbidTrue(ctx, r, r, 'publicly_accessible', `Database ${nameOf(r)} is publicly accessible.`);
    }
  },
});
