import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudfront-https',
  domain: terraformDomain,
  meta: {
    title: 'CloudFront serves content over plain HTTP',
    description:
      'A cache behavior of an `aws_cloudfront_distribution` sets `viewer_protocol_policy = "allow-all"`.',
    rationale:
      'Viewers can then fetch the site over HTTP, where cookies and content can be read and altered in transit. `redirect-to-https` costs nothing. High.',
    remediation:
      'Set `viewer_protocol_policy = "redirect-to-https"` (or `https-only`) on every cache behavior.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_34', 'AWS-0012'],
    references: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n  default_cache_behavior {\n    target_origin_id       = "s3"\n    viewer_protocol_policy = "allow-all"\n  }\n}\n',
          errors: [{ line: 5, column: 5, endLine: 5, endColumn: 41 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n  default_cache_behavior {\n    target_origin_id       = "s3"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const d of module.resourcesOf('aws_cloudfront_distribution')) {
      for (const type of ['default_cache_behavior', 'ordered_cache_behavior']) {
        for (const b of d.blocks(type)) {
          if (asString(b.value('viewer_protocol_policy')) === 'allow-all') {
            reportOn(
              ctx,
              d,
              b.attr('viewer_protocol_policy')!,
              `Distribution ${nameOf(d)} allows plain HTTP in a \`${type}\`.`,
            );
          }
        }
      }
    }
  },
});
