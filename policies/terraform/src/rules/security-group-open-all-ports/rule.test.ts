import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
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
