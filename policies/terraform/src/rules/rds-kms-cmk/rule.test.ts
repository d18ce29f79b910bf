import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'not encrypted is another rule',
      code: 'resource "aws_db_instance" "d" {\n  engine = "postgres"\n}\n',
    },
    {
      name: 'restored from a snapshot',
      code: 'resource "aws_db_instance" "d" {\n  snapshot_identifier = "orders-final"\n  storage_encrypted   = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'instance with the managed alias',
      code: 'resource "aws_db_instance" "d" {\n  engine            = "postgres"\n  storage_encrypted = true\n  kms_key_id        = "alias/aws/rds"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 38 }],
    },
  ],
});
