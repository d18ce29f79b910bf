import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "enc" {}\nresource "aws_kinesis_stream" "s" {\n  encryption_type = var.enc\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly NONE',
      code: 'resource "aws_kinesis_stream" "s" {\n  name            = "s"\n  encryption_type = "NONE"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 27 }],
    },
  ],
});
