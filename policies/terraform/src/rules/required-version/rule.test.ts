import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'set in another file',
      code: 'terraform {\n  backend "s3" {}\n}\n',
      files: { 'versions.tf': 'terraform {\n  required_version = ">= 1.6"\n}\n' },
    },
    'resource "x" "y" {}\n',
  ],
  invalid: [
    {
      name: 'missing',
      code: 'terraform {\n  backend "s3" {}\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 10 }],
    },
  ],
});
