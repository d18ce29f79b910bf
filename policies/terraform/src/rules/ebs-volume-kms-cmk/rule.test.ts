import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'unencrypted is the other rule', code: 'resource "aws_ebs_volume" "v" {\n  size = 10\n}\n' },
    {
      name: 'account default key',
      code: 'resource "aws_ebs_default_kms_key" "this" {\n  key_arn = aws_kms_key.ebs.arn\n}\nresource "aws_ebs_volume" "v" {\n  size      = 10\n  encrypted = true\n}\n',
    },
    {
      name: 'restored from a snapshot',
      code: 'resource "aws_ebs_volume" "v" {\n  snapshot_id = "snap-0a1b2c3d4e5f67890"\n  encrypted   = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'AWS-managed alias',
      code: 'resource "aws_ebs_volume" "v" {\n  size       = 10\n  encrypted  = true\n  kms_key_id = "alias/aws/ebs"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 31 }],
    },
  ],
});
