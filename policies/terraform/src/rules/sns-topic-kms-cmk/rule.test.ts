import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'no key is the other rule', code: 'resource "aws_sns_topic" "events" {\n  name = "events"\n}\n' },
    {
      name: 'customer alias',
      code: 'resource "aws_sns_topic" "events" {\n  kms_master_key_id = "alias/events"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'managed key through a local',
      code: 'locals {\n  sns_key = "alias/aws/sns"\n}\nresource "aws_sns_topic" "events" {\n  kms_master_key_id = local.sns_key\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 36 }],
    },
  ],
});
