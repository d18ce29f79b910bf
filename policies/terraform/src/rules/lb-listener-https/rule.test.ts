import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_lb_listener" "l" {\n  protocol = "HTTPS"\n}\n',
    {
      name: 'unknown action type',
      code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n  default_action {\n    type = var.t\n  }\n}\n',
    },
    {
      name: 'fixed response',
      code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n  default_action {\n    type = "fixed-response"\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'classic ELB',
      code: 'resource "aws_elb" "e" {\n  listener {\n    lb_port     = 80\n    lb_protocol = "http"\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 25 }],
    },
  ],
});
