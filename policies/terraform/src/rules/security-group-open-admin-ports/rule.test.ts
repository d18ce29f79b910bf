import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const sg = (ingress: string) => `resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
${ingress}
  }
}
`;

const sgModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "${version}"\n${args}}\n`;

const withCidrBlocks = (rules: string) =>
  sgModule(
    '~> 5.1',
    `  name   = "db"\n  vpc_id = module.vpc.vpc_id\n\n  ingress_with_cidr_blocks = [\n${rules}  ]\n`,
  );

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: SG module ingress_with_cidr_blocks, PostgreSQL from the VPC, HTTPS from anywhere',
      code: withCidrBlocks(
        '    {\n      from_port   = 5432\n      to_port     = 5432\n      protocol    = "tcp"\n      cidr_blocks = "10.0.0.0/16"\n    },\n    {\n      rule        = "https-443-tcp"\n      cidr_blocks = "0.0.0.0/0"\n    },\n',
      ),
    },
    {
      name: 'SG module: every port from anywhere is the other rule’s finding',
      code: withCidrBlocks('    {\n      rule        = "all-all"\n      cidr_blocks = "0.0.0.0/0"\n    },\n'),
    },
    {
      name: 'hardened: list-of-objects ingress from a private range, HTTPS from anywhere',
      code: 'resource "aws_security_group" "db" {\n  ingress = [\n    { from_port = 5432, to_port = 5432, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"] },\n    { from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] },\n  ]\n}\n',
    },
    {
      name: 'hardened: SG module with SSH from a private range',
      code: sgModule(
        '~> 5.0',
        '  ingress_cidr_blocks = ["10.0.0.0/8"]\n  ingress_rules       = ["ssh-tcp"]\n',
      ),
    },
    {
      name: 'SG module with HTTPS open to the world',
      code: sgModule(
        '~> 5.0',
        '  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["https-443-tcp"]\n',
      ),
    },
    sg(
      '    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]',
    ),
    sg(
      '    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]',
    ),
    {
      name: 'all ports is the all-ports rule',
      code: sg(
        '    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]',
      ),
    },
    {
      name: 'cidr from a variable without default (unknown)',
      code: `variable "cidrs" {}\n${sg('    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs')}`,
    },
    {
      name: 'port from an unknown variable',
      code: `variable "port" {}\n${sg('    from_port   = var.port\n    to_port     = var.port\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]')}`,
    },
    {
      name: 'egress rule',
      code: 'resource "aws_security_group_rule" "r" {\n  type        = "egress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    },
    {
      name: 'custom ports option',
      code: sg(
        '    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]',
      ),
      options: { ports: [5432] },
    },
  ],
  invalid: [
    {
      name: 'ingress written as a list of objects (attributes-as-blocks)',
      code: 'resource "aws_security_group" "db" {\n  ingress = [{\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }]\n}\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 32, message: 'port 5432 (PostgreSQL)' }],
    },
    {
      name: 'ingress list computed from a local points at the attribute',
      code: 'locals {\n  rules = [for p in [6379, 443] : { from_port = p, to_port = p, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] }]\n}\nresource "aws_security_group" "cache" {\n  ingress = local.rules\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 24, message: 'port 6379 (Redis)' }],
    },
    {
      name: 'Kubernetes API through a separate VPC ingress rule',
      code: 'resource "aws_vpc_security_group_ingress_rule" "api" {\n  security_group_id = aws_security_group.k8s.id\n  ip_protocol       = "tcp"\n  from_port         = 6443\n  to_port           = 6443\n  cidr_ipv4         = "0.0.0.0/0"\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 34, message: '6443 (Kubernetes API)' }],
    },
    {
      name: 'the default security group opening Docker',
      code: 'resource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    from_port   = 2375\n    to_port     = 2376\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      errors: [
        {
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 32,
          message: '2375 (Docker API), 2376 (Docker API (TLS))',
        },
      ],
    },
    {
      name: 'SG module with SSH and PostgreSQL open to the world',
      code: sgModule(
        '~> 5.0',
        '  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["https-443-tcp", "ssh-tcp", "postgresql-tcp"]\n',
      ),
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 71 }],
    },
    {
      name: 'SG module ingress_with_cidr_blocks opening PostgreSQL to the world, reported at that object',
      code: withCidrBlocks(
        '    {\n      rule        = "https-443-tcp"\n      cidr_blocks = "0.0.0.0/0"\n    },\n    {\n      from_port   = 5432\n      to_port     = 5432\n      protocol    = "tcp"\n      description = "PostgreSQL"\n      cidr_blocks = "10.0.0.0/16,0.0.0.0/0"\n    },\n',
      ),
      errors: [
        { line: 12, column: 5, endLine: 18, endColumn: 6, message: 'sets `ingress_with_cidr_blocks[1]`' },
      ],
    },
    {
      name: 'SG module ingress_with_cidr_blocks with a named SSH rule',
      code: withCidrBlocks('    {\n      rule        = "ssh-tcp"\n      cidr_blocks = "0.0.0.0/0"\n    },\n'),
      errors: [{ line: 8, column: 5, endLine: 11, endColumn: 6 }],
    },
    {
      name: 'SG module ingress_with_ipv6_cidr_blocks opening RDP to every IPv6 address',
      code: sgModule(
        '~> 5.1',
        '  ingress_with_ipv6_cidr_blocks = [\n    {\n      from_port        = 3389\n      to_port          = 3389\n      protocol         = "tcp"\n      ipv6_cidr_blocks = "::/0"\n    },\n  ]\n',
      ),
      errors: [{ line: 5, column: 5, endLine: 10, endColumn: 6, message: 'over IPv6' }],
    },
    {
      name: 'the ssh preset submodule with world CIDRs',
      code: 'module "ssh" {\n  source  = "terraform-aws-modules/security-group/aws//modules/ssh"\n  version = "~> 5.0"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 38 }],
    },
    {
      name: 'inline ingress SSH',
      code: sg(
        '    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]',
      ),
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 32, message: 'allows port 22 (SSH) from 0.0.0.0/0' },
      ],
    },
    {
      name: 'IPv6 range covering RDP',
      code: sg(
        '    from_port        = 3000\n    to_port          = 4000\n    protocol         = "tcp"\n    ipv6_cidr_blocks = ["::/0"]',
      ),
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 32, message: 'port 3306 (MySQL), 3389 (RDP) from ::/0' },
      ],
    },
    {
      name: 'open CIDR through a variable default and a local',
      code: `variable "ssh_cidr" {\n  default = "0.0.0.0/0"\n}\nlocals {\n  cidrs = [var.ssh_cidr]\n}\n${sg('    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = local.cidrs')}`,
      errors: [{ line: 13, column: 5, endLine: 13, endColumn: 30 }],
    },
    {
      name: 'dynamic ingress over a known list',
      code: 'locals {\n  ports = [80, 22]\n}\nresource "aws_security_group" "sg" {\n  dynamic "ingress" {\n    for_each = local.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
      errors: [{ line: 11, column: 7, endLine: 11, endColumn: 34 }],
    },
    {
      name: 'aws_security_group_rule',
      code: 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.sg.id\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 36 }],
    },
    {
      name: 'aws_vpc_security_group_ingress_rule',
      code: 'resource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.sg.id\n  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = 3389\n  to_port           = 3389\n  ip_protocol       = "tcp"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 34 }],
    },
    {
      name: 'tfvars sets the CIDR',
      code: `variable "cidr" {\n  default = "10.0.0.0/8"\n}\n${sg('    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]')}`,
      files: { 'terraform.tfvars': 'cidr = "0.0.0.0/0"\n' },
      errors: [{ line: 10, column: 5, endLine: 10, endColumn: 29 }],
    },
  ],
});
