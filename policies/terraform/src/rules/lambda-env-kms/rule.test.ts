import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'no environment', code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n' },
    {
      name: 'empty variables',
      code: 'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {}\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'variables from a merge',
      code: 'variable "extra_env" {\n  default = {}\n}\nresource "aws_lambda_function" "f" {\n  environment {\n    variables = merge({ LOG_LEVEL = "info" }, var.extra_env)\n  }\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 14 }],
    },
  ],
});
