import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'network load balancer',
      code: 'resource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\n',
    },
    {
      name: 'unknown type',
      code: 'variable "type" {}\nresource "aws_lb" "lb" {\n  load_balancer_type = var.type\n}\n',
    },
  ],
  invalid: [
    {
      name: 'default type, explicitly off',
      code: 'resource "aws_alb" "web" {\n  internal                   = true\n  drop_invalid_header_fields = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 37 }],
    },
  ],
});
