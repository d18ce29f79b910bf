import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'layer compatible with old and new runtimes',
      code: 'resource "aws_lambda_layer_version" "deps" {\n  layer_name          = "deps"\n  compatible_runtimes = ["python3.9", "python3.12", "python3.13"]\n}\n',
    },
    {
      name: 'runtime from a variable',
      code: 'variable "runtime" {}\nresource "aws_lambda_function" "f" {\n  runtime = var.runtime\n}\n',
    },
    {
      name: 'provided.al2023',
      code: 'resource "aws_lambda_function" "f" {\n  runtime = "provided.al2023"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Go 1.x from a variable default',
      code: 'variable "runtime" {\n  default = "go1.x"\n}\nresource "aws_lambda_function" "f" {\n  runtime = var.runtime\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 24, message: 'go1.x' }],
    },
    {
      name: 'layer only for deprecated runtimes',
      code: 'resource "aws_lambda_layer_version" "deps" {\n  layer_name          = "deps"\n  compatible_runtimes = ["nodejs16.x", "nodejs18.x"]\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 53 }],
    },
  ],
});
