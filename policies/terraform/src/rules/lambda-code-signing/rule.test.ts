import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'container image',
      code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  package_type  = "Image"\n  image_uri     = "${aws_ecr_repository.f.repository_url}:1.0.0"\n}\n',
    },
    {
      name: 'unknown package type',
      code: 'variable "package_type" {}\nresource "aws_lambda_function" "f" {\n  package_type = var.package_type\n}\n',
    },
  ],
  invalid: [
    {
      name: 'local zip',
      code: 'resource "aws_lambda_function" "f" {\n  filename      = "build/f.zip"\n  function_name = "f"\n  package_type  = "Zip"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 35 }],
    },
  ],
});
