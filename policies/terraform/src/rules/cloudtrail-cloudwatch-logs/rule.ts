import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudtrail-cloudwatch-logs',
  domain: terraformDomain,
  meta: {
    title: 'CloudTrail is not sent to CloudWatch Logs',
    description: 'An `aws_cloudtrail` has no `cloud_watch_logs_group_arn`.',
    rationale:
      'Delivering the trail to CloudWatch Logs enables metric filters and alarms on root logins, IAM changes and console sign-in failures (CIS 4.x); logs only in S3 are read after the fact. Low: alerting can also be done with EventBridge or a SIEM.',
    remediation:
      'Set `cloud_watch_logs_group_arn` and `cloud_watch_logs_role_arn`, and add the CIS metric filters.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV2_AWS_10', 'AWS-0162'],
    references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  cloud_watch_logs_group_arn = aws_example.trail.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.resourcesOf('aws_cloudtrail')) {
      if (!t.has('cloud_watch_logs_group_arn'))
        reportOn(ctx, t, t.headerLoc, `CloudTrail ${nameOf(t)} does not deliver to CloudWatch Logs.`);
    }
  },
});
