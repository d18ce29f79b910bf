import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'http listener', code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n}\n' },
    {
      name: 'FIPS TLS 1.2 policy',
      code: 'resource "aws_lb_listener" "l" {\n  protocol   = "TLS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing policy',
      code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTPS"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
  ],
});
