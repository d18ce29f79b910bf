import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'ephemeral return range',
      code: 'resource "aws_network_acl" "public" {\n  ingress {\n    rule_no    = 120\n    protocol   = "tcp"\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 1024\n    to_port    = 65535\n  }\n}\n',
    },
    {
      name: 'all protocols is the other rule',
      code: 'resource "aws_network_acl" "public" {\n  ingress {\n    rule_no    = 100\n    protocol   = "-1"\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n',
    },
    {
      name: 'unknown port',
      code: 'variable "port" {}\nresource "aws_network_acl_rule" "r" {\n  protocol    = "tcp"\n  rule_action = "allow"\n  cidr_block  = "0.0.0.0/0"\n  from_port   = var.port\n  to_port     = var.port\n}\n',
    },
  ],
  invalid: [
    {
      name: 'every TCP port, protocol number',
      code: 'resource "aws_network_acl" "public" {\n  ingress {\n    rule_no    = 120\n    protocol   = "6"\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 65535\n  }\n}\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 29, message: 'port 22 and 3389' }],
    },
  ],
});
