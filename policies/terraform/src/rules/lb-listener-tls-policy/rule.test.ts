import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'http listener', code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n}\n' },
    {
      name: 'no policy (the default varies)',
      code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTPS"\n}\n',
    },
    {
      name: 'FIPS TLS 1.2 policy',
      code: 'resource "aws_lb_listener" "l" {\n  protocol   = "TLS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'TLS 1.1 policy through a variable',
      code: 'variable "p" {\n  default = "ELBSecurityPolicy-TLS-1-1-2017-01"\n}\nresource "aws_lb_listener" "l" {\n  protocol   = "HTTPS"\n  ssl_policy = var.p\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21, message: 'TLS-1-1-2017-01' }],
    },
  ],
});
