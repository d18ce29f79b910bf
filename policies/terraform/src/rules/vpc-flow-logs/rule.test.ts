import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const vpcModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: VPC module with flow logs',
      code: vpcModule(
        '~> 5.0',
        '  enable_flow_log                      = true\n  create_flow_log_cloudwatch_log_group = true\n',
      ),
    },
    {
      name: 'VPC module logged by a flow log of its output',
      code: `${vpcModule('~> 5.0')}resource "aws_flow_log" "f" {\n  vpc_id = module.m.vpc_id\n}\n`,
    },
    'resource "aws_vpc" "v" {}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.v.id\n}\n',
    {
      name: 'flow log on an unknown vpc (could be this one)',
      code: 'resource "aws_vpc" "v" {}\nresource "aws_flow_log" "f" {\n  vpc_id = var.vpc_id\n}\n',
    },
    {
      name: 'flow log through a local that tries an association first',
      code: 'resource "aws_vpc" "v" {}\nresource "aws_vpc_ipv4_cidr_block_association" "a" {\n  vpc_id = aws_vpc.v.id\n}\nlocals {\n  vpc_id = try(aws_vpc_ipv4_cidr_block_association.a.vpc_id, aws_vpc.v.id)\n}\nresource "aws_flow_log" "f" {\n  vpc_id = local.vpc_id\n}\n',
    },
    {
      name: 'flow log created by the calling module on the child output',
      code: 'module "net" {\n  source = "./net"\n}\nresource "aws_flow_log" "f" {\n  vpc_id = module.net.vpc_id\n}\n',
      files: { 'net/main.tf': 'resource "aws_vpc" "v" {}\noutput "vpc_id" {\n  value = aws_vpc.v.id\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'VPC module left at enable_flow_log = false',
      code: vpcModule('~> 5.0'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `false`' }],
    },
    {
      name: 'flow log on another vpc',
      code: 'resource "aws_vpc" "a" {}\nresource "aws_vpc" "b" {}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.a.id\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 23 }],
    },
  ],
});
