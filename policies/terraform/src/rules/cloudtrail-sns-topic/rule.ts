import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudtrail-sns-topic',
  domain: terraformDomain,
  meta: {
    title: 'CloudTrail trail does not notify an SNS topic',
    description: 'An `aws_cloudtrail` has no `sns_topic_name`.',
    rationale:
      'A notification per delivered log file lets a log pipeline or SIEM pick files up as they land and alerts when deliveries stop. Low: S3 event notifications or EventBridge can do the same job.',
    remediation:
      'Set `sns_topic_name = aws_sns_topic.cloudtrail.name` (the topic policy must allow `cloudtrail.amazonaws.com` to publish).',
    category: 'security',
    severity: 'low',
    confidence: 'low',
    aliases: ['CKV_AWS_252'],
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html',
    ],
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
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  sns_topic_name = aws_sns_topic.trail.name\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.resourcesOf('aws_cloudtrail'))
      if (!t.has('sns_topic_name'))
        reportOn(ctx, t, t.headerLoc, `Trail ${nameOf(t)} notifies no SNS topic of new log files.`);
  },
});
