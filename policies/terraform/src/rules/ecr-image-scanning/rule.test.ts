import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'registry-wide enhanced scanning',
      code: 'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "CONTINUOUS_SCAN"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}\nresource "aws_ecr_repository" "api" {\n  name = "api"\n}\n',
    },
    {
      name: 'unknown flag',
      code: 'variable "scan" {}\nresource "aws_ecr_repository" "api" {\n  image_scanning_configuration {\n    scan_on_push = var.scan\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'scan turned off',
      code: 'resource "aws_ecr_repository" "api" {\n  name = "api"\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 25, message: 'scan_on_push = false' }],
    },
    {
      name: 'one instance per for_each key',
      code: 'resource "aws_ecr_repository" "svc" {\n  for_each = toset(["api", "worker"])\n  name     = each.key\n}\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 36, message: 'svc["api"]' },
        { line: 1, column: 1, endLine: 1, endColumn: 36, message: 'svc["worker"]' },
      ],
    },
  ],
});
