import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudtrail-logging-disabled',
  domain: terraformDomain,
  meta: {
    title: 'CloudTrail trail is not logging',
    description: 'An `aws_cloudtrail` sets `enable_logging = false`.',
    rationale:
      'A trail that exists but does not log gives the impression of an audit trail while recording nothing: API activity during an incident is lost for good. High.',
    remediation: 'Remove `enable_logging = false` (logging is on by default).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_251'],
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  enable_logging = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  enable_logging = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.resourcesOf('aws_cloudtrail')) {
      const a = t.attr('enable_logging');
      if (a && asBool(t.value('enable_logging')) === false)
        reportOn(ctx, t, a, `Trail ${nameOf(t)} is not logging.`);
    }
  },
});
