import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_default_security_group" "d" {}\n',
    {
      name: 'dynamic over an empty list',
      code: 'resource "aws_default_security_group" "d" {\n  dynamic "ingress" {\n    for_each = []\n    content {}\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'egress',
      code: 'resource "aws_default_security_group" "d" {\n  egress {\n    protocol = "-1"\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9, message: '`egress` rule' }],
    },
  ],
});
