import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/kinesis-stream-encryption',
  domain: terraformDomain,
  meta: {
    title: 'Kinesis data stream is not encrypted at rest',
    description: 'An `aws_kinesis_stream` has no `encryption_type = "KMS"` (the default is `NONE`).',
    rationale:
      'Records stay in the stream for a day up to a year, often clickstreams, events or change data with personal data, and without server-side encryption they are stored under no key you control. Encryption is free apart from KMS calls and transparent to producers and consumers. Medium.',
    remediation:
      'Set `encryption_type = "KMS"` and `kms_key_id` (`alias/aws/kinesis` or a customer-managed key).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kinesis_stream" "clicks" {\n  name             = "clicks"\n  retention_period = 48\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kinesis_stream" "clicks" {\n  name             = "clicks"\n  retention_period = 48\n  encryption_type  = "KMS"\n  kms_key_id       = aws_kms_key.kinesis.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const s of module.resourcesOf('aws_kinesis_stream')) {
      const a = s.attr('encryption_type');
      if (!a) reportOn(ctx, s, s.headerLoc, `Kinesis stream ${nameOf(s)} is not encrypted at rest.`);
      else if (asString(s.value('encryption_type'))?.toUpperCase() === 'NONE')
        reportOn(ctx, s, a, `Kinesis stream ${nameOf(s)} is not encrypted at rest.`);
    }
  },
});
