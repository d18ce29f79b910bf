import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = var.pitr\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'false',
      code: 'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 20 }],
    },
  ],
});
