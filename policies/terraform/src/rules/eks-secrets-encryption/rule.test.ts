import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_eks_cluster" "c" {\n  encryption_config {\n    resources = ["secrets"]\n  }\n}\n',
    {
      name: 'dynamic over unknown',
      code: 'resource "aws_eks_cluster" "c" {\n  dynamic "encryption_config" {\n    for_each = var.enc\n    content {\n      resources = encryption_config.value.resources\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no config',
      code: 'resource "aws_eks_cluster" "c" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'dynamic over an empty list',
      code: 'resource "aws_eks_cluster" "c" {\n  dynamic "encryption_config" {\n    for_each = []\n    content {}\n  }\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
  ],
});
