import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const trail =
  'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n}\n';
const filter = (pattern: string, metric = 'Watched') =>
  `resource "aws_cloudwatch_log_metric_filter" "f" {\n  name           = "f"\n  log_group_name = aws_cloudwatch_log_group.trail.name\n  pattern        = ${JSON.stringify(pattern)}\n  metric_transformation {\n    name      = "${metric}"\n    namespace = "CIS"\n    value     = "1"\n  }\n}\n`;
const alarm =
  'resource "aws_cloudwatch_metric_alarm" "a" {\n  alarm_name  = "a"\n  metric_name = "Watched"\n  namespace   = "CIS"\n  threshold   = 1\n}\n';
const pattern =
  '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }';

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
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33, message: 'network ACL changes' }],
    },
    {
      name: 'filter without an alarm on its metric',
      code: trail + filter(pattern, 'Other') + alarm,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
  ],
});
