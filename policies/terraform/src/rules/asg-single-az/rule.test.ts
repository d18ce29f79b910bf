import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown subnets',
      code: 'resource "aws_autoscaling_group" "a" {\n  vpc_zone_identifier = var.subnets\n}\n',
    },
    'resource "aws_autoscaling_group" "a" {\n  availability_zones = ["eu-west-1a", "eu-west-1b"]\n}\n',
  ],
  invalid: [
    {
      name: 'one AZ',
      code: 'resource "aws_autoscaling_group" "a" {\n  availability_zones = ["eu-west-1a"]\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 38 }],
    },
  ],
});
