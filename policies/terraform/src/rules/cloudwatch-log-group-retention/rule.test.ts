import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "days" {}\nresource "aws_cloudwatch_log_group" "g" {\n  retention_in_days = var.days\n}\n',
    },
  ],
  invalid: [
    {
      name: 'zero from a variable default',
      code: 'variable "days" {\n  default = 0\n}\nresource "aws_cloudwatch_log_group" "g" {\n  retention_in_days = var.days\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 31 }],
    },
  ],
});
