import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'topic from a variable',
      code: 'variable "topic" {}\nresource "aws_cloudtrail" "t" {\n  sns_topic_name = var.topic\n}\n',
    },
  ],
  invalid: [
    {
      name: 'organization trail without topic',
      code: 'resource "aws_cloudtrail" "org" {\n  name                  = "org"\n  is_organization_trail = true\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});
