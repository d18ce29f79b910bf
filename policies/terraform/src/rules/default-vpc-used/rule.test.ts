import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'created only in some environments, count = 0 here',
      code: 'variable "adopt_default_vpc" {\n  default = false\n}\nresource "aws_default_vpc" "default" {\n  count = var.adopt_default_vpc ? 1 : 0\n}\n',
    },
  ],
  invalid: [
    {
      name: 'bare block',
      code: 'resource "aws_default_vpc" "this" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
    },
  ],
});
