import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_security_group_rule" "r" {\n  type        = "egress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n}\n',
    {
      name: 'ingress',
      code: 'resource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    },
  ],
  invalid: [
    {
      name: 'vpc egress rule',
      code: 'resource "aws_vpc_security_group_egress_rule" "r" {\n  security_group_id = "sg-1"\n  ip_protocol       = "-1"\n  cidr_ipv6         = "::/0"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
    },
  ],
});
