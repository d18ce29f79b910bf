import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'default', code: 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n' },
    {
      name: 'unknown',
      code: 'variable "on" {}\nresource "aws_cloudtrail" "t" {\n  enable_logging = var.on\n}\n',
    },
  ],
  invalid: [
    {
      name: 'off in a non-production tfvars',
      code: 'variable "trail_logging" {}\nresource "aws_cloudtrail" "t" {\n  enable_logging = var.trail_logging\n}\n',
      files: { 'terraform.tfvars': 'trail_logging = false\n' },
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 37 }],
    },
  ],
});
