import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    {
      name: 'endpoint disabled',
      code: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n',
    },
    {
      name: 'unknown tokens',
      code: 'variable "t" {}\nresource "aws_instance" "i" {\n  metadata_options {\n    http_tokens = var.t\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'optional',
      code: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 29, message: '"optional"' }],
    },
    {
      name: 'block without http_tokens',
      code: 'resource "aws_launch_template" "t" {\n  metadata_options {\n    http_endpoint = "enabled"\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 19 }],
    },
  ],
});
