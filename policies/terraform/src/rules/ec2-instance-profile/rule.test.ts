import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'from a launch template',
      code: 'resource "aws_instance" "a" {\n  launch_template {\n    id      = aws_launch_template.app.id\n    version = "$Latest"\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'one per count instance',
      code: 'resource "aws_instance" "a" {\n  count         = 2\n  instance_type = "t3.micro"\n}\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 28, message: 'a[0]' },
        { line: 1, column: 1, endLine: 1, endColumn: 28, message: 'a[1]' },
      ],
    },
  ],
});
