import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'event invoke config',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\nresource "aws_lambda_function_event_invoke_config" "c" {\n  function_name = aws_lambda_function.f.function_name\n}\n',
    },
  ],
  invalid: [
    {
      name: 'none',
      code: 'resource "aws_lambda_function" "f" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 35 }],
    },
  ],
});
