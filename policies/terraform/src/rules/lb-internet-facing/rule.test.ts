import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown scheme',
      code: 'variable "internal" {}\nresource "aws_lb" "api" {\n  internal = var.internal\n}\n',
    },
  ],
  invalid: [
    {
      name: 'classic ELB, explicitly external',
      code: 'resource "aws_elb" "legacy" {\n  internal = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 19 }],
    },
  ],
});
