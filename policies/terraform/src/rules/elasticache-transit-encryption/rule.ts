import { asString } from '@plumbline/lang-hcl';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/elasticache-transit-encryption',
  types: ['aws_elasticache_replication_group'],
  attr: 'transit_encryption_enabled',
  skip: (r) => /^memcached$/i.test(asString(r.value('engine')) ?? ''),
  missing: (n) => `Replication group ${n} does not set \`transit_encryption_enabled = true\`.`,
  off: (n) => `Replication group ${n} sets \`transit_encryption_enabled = false\`.`,
  meta: {
    title: 'ElastiCache replication group does not encrypt traffic',
    description:
      'An `aws_elasticache_replication_group` (Redis OSS or Valkey) does not set `transit_encryption_enabled = true`.',
    rationale:
      'Without TLS, cached sessions, tokens and query results cross the VPC in clear text, and `auth_token` (which needs TLS) cannot be used, so anyone who reaches the port can read and write the cache. Medium.',
    remediation:
      'Set `transit_encryption_enabled = true` (with `transit_encryption_mode = "preferred"` to migrate clients without downtime) and an `auth_token` or an RBAC user group.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id = "sessions"\n  description          = "web sessions"\n  engine               = "valkey"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 56 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id       = "sessions"\n  description                = "web sessions"\n  engine                     = "valkey"\n  transit_encryption_enabled = true\n}\n',
        },
      ],
    },
  },
});
