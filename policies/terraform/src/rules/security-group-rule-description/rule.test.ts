import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_security_group" "s" {\n  description = "x"\n}\n',
    {
      name: 'description from a variable',
      code: 'variable "d" {}\nresource "aws_security_group_rule" "r" {\n  description = var.d\n}\n',
    },
  ],
  invalid: [
    {
      name: 'group without description',
      code: 'resource "aws_security_group" "s" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'empty rule description',
      code: 'resource "aws_security_group_rule" "r" {\n  description = ""\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'dynamic egress content without description',
      code: 'resource "aws_security_group" "s" {\n  description = "x"\n  dynamic "egress" {\n    for_each = [1]\n    content {\n      from_port = 0\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 19 }],
    },
  ],
});
