import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_elasticache_replication_group" "x" {\n  at_rest_encryption_enabled = var.v\n}\n',
    },
    {
      name: 'memcached',
      code: 'resource "aws_elasticache_replication_group" "x" {\n  engine = "memcached"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly off, per count instance',
      code: 'resource "aws_elasticache_replication_group" "x" {\n  count = 1\n  at_rest_encryption_enabled = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 37, message: 'x[0]' }],
    },
  ],
});
