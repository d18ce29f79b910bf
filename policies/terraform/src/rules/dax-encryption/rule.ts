import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/dax-encryption',
  domain: terraformDomain,
  meta: {
    title: 'DAX cluster is not encrypted at rest',
    description: 'An `aws_dax_cluster` has no `server_side_encryption { enabled = true }`.',
    rationale:
      'DAX caches DynamoDB items on its nodes; unlike DynamoDB itself it does not encrypt at rest unless asked, and the setting can only be chosen when the cluster is created. The cache holds the same data as the table, so it deserves the same protection. High.',
    remediation: 'Add `server_side_encryption { enabled = true }` (replaces the cluster).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['AWS-0023'],
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dax_cluster" "sessions" {\n  cluster_name       = "sessions"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n  iam_role_arn       = aws_iam_role.dax.arn\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dax_cluster" "sessions" {\n  cluster_name       = "sessions"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n  iam_role_arn       = aws_iam_role.dax.arn\n  server_side_encryption {\n    enabled = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_dax_cluster')) {
      if (!r.hasBlock('server_side_encryption')) {
        reportOn(ctx, r, r.headerLoc, `DAX cluster ${nameOf(r)} is not encrypted at rest.`);
        continue;
      }
      for (const b of r.blocks('server_side_encryption')) {
        const a = b.attr('enabled');
        if (!a) reportOn(ctx, r, b.headerLoc, `DAX cluster ${nameOf(r)} is not encrypted at rest.`);
        else if (asBool(b.value('enabled')) === false)
          reportOn(ctx, r, a, `DAX cluster ${nameOf(r)} turns encryption at rest off.`);
      }
    }
  },
});
