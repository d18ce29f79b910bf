import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'immutable with exclusions for latest',
      code: 'resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"\n  image_tag_mutability_exclusion_filter {\n    filter      = "latest*"\n    filter_type = "WILDCARD"\n  }\n}\n',
    },
    {
      name: 'unknown from a variable',
      code: 'variable "mutability" {}\nresource "aws_ecr_repository" "api" {\n  image_tag_mutability = var.mutability\n}\n',
    },
  ],
  invalid: [
    {
      name: 'default',
      code: 'resource "aws_ecr_repository" "api" {\n  name = "api"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36, message: 'default' }],
    },
    {
      name: 'variable default MUTABLE',
      code: 'variable "mutability" {\n  default = "MUTABLE"\n}\nresource "aws_ecr_repository" "api" {\n  image_tag_mutability = var.mutability\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 40 }],
    },
  ],
});
