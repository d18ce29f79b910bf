import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const withCidrBlocks = (version: string, rules: string) =>
  `module "app_sg" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "${version}"\n\n  name   = "app"\n  vpc_id = module.vpc.vpc_id\n\n  ingress_with_cidr_blocks = [\n${rules}  ]\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: SG module, all ports only from the VPC',
      code: withCidrBlocks(
        '~> 5.1',
        '    {\n      from_port   = 0\n      to_port     = 0\n      protocol    = "-1"\n      cidr_blocks = "10.0.0.0/16"\n    },\n',
      ),
    },
    {
      name: 'SG module: one port from anywhere is not every port',
      code: withCidrBlocks(
        '~> 4.0',
        '    {\n      rule        = "https-443-tcp"\n      cidr_blocks = "0.0.0.0/0"\n    },\n',
      ),
    },
    'resource "aws_security_group" "s" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    self        = true\n  }\n}\n',
    {
      name: 'egress all',
      code: 'resource "aws_security_group" "s" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
    {
      name: 'unknown protocol',
      code: 'variable "p" {}\nresource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 65535\n  protocol    = var.p\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    },
  ],
  invalid: [
    {
      name: 'SG module ingress_with_cidr_blocks with protocol -1 from anywhere, reported at that object',
      code: withCidrBlocks(
        '~> 5.1',
        '    {\n      from_port   = 0\n      to_port     = 0\n      protocol    = "-1"\n      description = "everything"\n      cidr_blocks = "0.0.0.0/0"\n    },\n',
      ),
      errors: [
        { line: 9, column: 5, endLine: 15, endColumn: 6, message: 'sets `ingress_with_cidr_blocks[0]`' },
      ],
    },
    {
      name: 'SG module ingress_with_cidr_blocks, tcp 0-65535',
      code: withCidrBlocks(
        '~> 5.1',
        '    {\n      from_port   = 0\n      to_port     = 65535\n      protocol    = "tcp"\n      cidr_blocks = "0.0.0.0/0"\n    },\n',
      ),
      errors: [{ line: 9, column: 5, endLine: 14, endColumn: 6 }],
    },
    {
      name: 'tcp 0-65535 over IPv6 with a rule resource',
      code: 'resource "aws_security_group_rule" "r" {\n  type             = "ingress"\n  from_port        = 0\n  to_port          = 65535\n  protocol         = "tcp"\n  ipv6_cidr_blocks = ["::/0"]\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 30, message: 'all ports from ::/0' }],
    },
    {
      name: 'vpc ingress rule with ip_protocol -1',
      code: 'resource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = "sg-1"\n  ip_protocol       = "-1"\n  cidr_ipv4         = "0.0.0.0/0"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 34 }],
    },
  ],
});
