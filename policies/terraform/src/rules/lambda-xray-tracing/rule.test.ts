import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'mode from a variable',
      code: 'variable "tracing_mode" {}\nresource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = var.tracing_mode\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'PassThrough',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  tracing_config {\n    mode = "PassThrough"\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 25 }],
    },
  ],
});
