import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'not set', code: 'resource "aws_instance" "app" {\n  instance_type = "t3.small"\n}\n' },
    {
      name: 'unknown',
      code: 'variable "public" {}\nresource "aws_launch_configuration" "lc" {\n  associate_public_ip_address = var.public\n}\n',
    },
  ],
  invalid: [
    {
      name: 'launch template network interface, string value',
      code: 'resource "aws_launch_template" "web" {\n  name_prefix = "web-"\n  network_interfaces {\n    associate_public_ip_address = "true"\n    security_groups             = [aws_security_group.web.id]\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 41, message: 'Launch template' }],
    },
  ],
});
