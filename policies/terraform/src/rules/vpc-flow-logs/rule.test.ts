import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_vpc" "v" {}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.v.id\n}\n',
    {
      name: 'flow log on an unknown vpc (could be this one)',
      code: 'resource "aws_vpc" "v" {}\nresource "aws_flow_log" "f" {\n  vpc_id = var.vpc_id\n}\n',
    },
  ],
  invalid: [
    {
      name: 'flow log on another vpc',
      code: 'resource "aws_vpc" "a" {}\nresource "aws_vpc" "b" {}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.a.id\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 23 }],
    },
  ],
});
