import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'owner-alias filter',
      code: 'data "aws_ami" "al2023" {\n  most_recent = true\n  filter {\n    name   = "owner-alias"\n    values = ["amazon"]\n  }\n  filter {\n    name   = "name"\n    values = ["al2023-ami-2023.*-x86_64"]\n  }\n}\n',
    },
    {
      name: 'owners from a variable',
      code: 'variable "ami_owners" {}\ndata "aws_ami" "base" {\n  owners = var.ami_owners\n}\n',
    },
  ],
  invalid: [
    {
      name: 'empty owners list',
      code: 'data "aws_ami" "base" {\n  most_recent = true\n  owners      = []\n  name_regex  = "^golden-base-"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 19 }],
    },
  ],
});
