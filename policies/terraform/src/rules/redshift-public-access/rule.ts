import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { forbidTrue } from '../../lib/checks.js';
import { nameOf } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/redshift-public-access',
  domain: terraformDomain,
  meta: {
    title: 'Redshift cluster is publicly accessible',
    description:
      'An `aws_redshift_cluster` or `aws_redshift_serverless_workgroup` sets `publicly_accessible = true`. Leaving it unset is not reported: the provider defaults to private since v6.',
    rationale:
      'A public endpoint puts the warehouse’s port on the internet, where only the security group and the database password stand between it and credential stuffing. Analysts usually reach it through a VPN, a bastion or the Query Editor instead. High.',
    remediation: 'Set `publicly_accessible = false` and reach the cluster through the VPC.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier  = "dw"\n  node_type           = "ra3.xlplus"\n  publicly_accessible = true\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier  = "dw"\n  node_type           = "ra3.xlplus"\n  publicly_accessible = false\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_redshift_cluster', 'aws_redshift_serverless_workgroup'))
      forbidTrue(ctx, r, r, 'publicly_accessible', `${nameOf(r)} is publicly accessible.`);
  },
});
