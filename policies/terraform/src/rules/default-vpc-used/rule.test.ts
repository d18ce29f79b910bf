import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'adopted only to lock it down',
      code: 'resource "aws_default_vpc" "this" {\n  tags = { Name = "default (unused)" }\n}\nresource "aws_default_security_group" "this" {\n  vpc_id = aws_default_vpc.this.id\n}\nresource "aws_flow_log" "default" {\n  vpc_id          = aws_default_vpc.this.id\n  traffic_type    = "ALL"\n  log_destination = aws_s3_bucket.flow.arn\n}\n',
    },
    {
      name: 'count = 0',
      code: 'variable "adopt_default_vpc" {\n  default = false\n}\nresource "aws_default_vpc" "this" {\n  count = var.adopt_default_vpc ? 1 : 0\n}\nresource "aws_default_subnet" "a" {\n  count             = var.adopt_default_vpc ? 1 : 0\n  availability_zone = "eu-west-1a"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'default subnets',
      code: 'resource "aws_default_vpc" "this" {}\nresource "aws_default_subnet" "a" {\n  availability_zone = "eu-west-1a"\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 34, message: 'default subnet' }],
    },
  ],
});
