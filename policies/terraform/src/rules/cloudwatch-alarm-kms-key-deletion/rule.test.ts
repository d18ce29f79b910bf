import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import { alarm, filter, trail } from '../../cis-alarm-test-kit.js';
import rule from './rule.js';

const pattern =
  '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'filter and alarm', code: trail + filter(pattern) + alarm },
    {
      name: 'trail not sent to CloudWatch Logs',
      code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "org-trail-logs"\n}\n',
    },
    {
      name: 'pattern read from a variable',
      code: `variable "pattern" {}\n${trail}${filter('x').replace(/pattern *= ".*"/, 'pattern        = var.pattern')}${alarm}`,
    },
  ],
  invalid: [
    {
      name: 'no filter at all',
      code: trail,
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 33,
          message: 'KMS keys being disabled or scheduled for deletion',
        },
      ],
    },
    {
      name: 'filter without an alarm on its metric',
      code: trail + filter(pattern, 'Other') + alarm,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
  ],
});
