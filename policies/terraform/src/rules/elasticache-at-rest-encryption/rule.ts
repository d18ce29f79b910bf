import { asString } from '@plumbline/lang-hcl';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/elasticache-at-rest-encryption',
  types: ['aws_elasticache_replication_group'],
  attr: 'at_rest_encryption_enabled',
  skip: (r) => /^memcached$/i.test(asString(r.value('engine')) ?? ''),
  missing: (n) => `Replication group ${n} does not set \`at_rest_encryption_enabled = true\`.`,
  off: (n) => `Replication group ${n} sets \`at_rest_encryption_enabled = false\`.`,
  meta: {
    title: 'ElastiCache replication group is not encrypted at rest',
    description:
      'An `aws_elasticache_replication_group` (Redis OSS or Valkey) does not set `at_rest_encryption_enabled = true`.',
    rationale:
      'Snapshots, swap and backups exported to S3 hold the cache contents unencrypted, and the setting can only be chosen when the group is created. Medium: caches are often rebuildable, but the sessions and tokens in them are not harmless.',
    remediation:
      'Set `at_rest_encryption_enabled = true` (with `kms_key_id` for a customer-managed key) and recreate the group.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id = "sessions"\n  description          = "web sessions"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 56 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id       = "sessions"\n  description                = "web sessions"\n  at_rest_encryption_enabled = true\n}\n',
        },
      ],
    },
  },
});
