import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'egress rule',
      code: 'resource "aws_network_acl_rule" "out" {\n  network_acl_id = aws_network_acl.a.id\n  rule_number    = 100\n  egress         = true\n  protocol       = "-1"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n}\n',
    },
    {
      name: 'deny all from the internet',
      code: 'resource "aws_network_acl" "a" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    rule_no    = 90\n    protocol   = "-1"\n    action     = "deny"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n',
    },
    {
      name: 'VPC range only',
      code: 'resource "aws_network_acl" "a" {\n  ingress {\n    rule_no    = 100\n    protocol   = "-1"\n    action     = "allow"\n    cidr_block = "10.0.0.0/16"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'inline ingress block, IPv6',
      code: 'resource "aws_network_acl" "a" {\n  vpc_id = aws_vpc.main.id\n  ingress {\n    rule_no         = 101\n    protocol        = "all"\n    action          = "allow"\n    ipv6_cidr_block = "::/0"\n    from_port       = 0\n    to_port         = 0\n  }\n}\n',
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 29 }],
    },
  ],
});
