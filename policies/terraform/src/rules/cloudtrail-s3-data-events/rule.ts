import { defineRule } from '@plumbline/core';
import { asString, stringList, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** True when the trail records S3 object-level events (classic or advanced selectors); undefined when unknown. */
function logsS3DataEvents(t: TfResource): boolean | undefined {
  if (t.block.blocks.some((b) => b.type === 'dynamic')) return undefined;
  for (const sel of t.blocks('event_selector'))
    for (const d of sel.blocks('data_resource')) {
      const type = asString(d.value('type'));
      if (type === undefined || type === 'AWS::S3::Object') return type === undefined ? undefined : true;
    }
  for (const sel of t.blocks('advanced_event_selector'))
    for (const f of sel.blocks('field_selector')) {
      const field = asString(f.value('field'));
      if (field !== 'resources.type') continue;
      const values = stringList(f.value('equals'));
      if (!values || values.unknown) return undefined;
      if (values.values.includes('AWS::S3::Object')) return true;
    }
  return false;
}

export default defineRule({
  id: 'terraform/cloudtrail-s3-data-events',
  domain: terraformDomain,
  meta: {
    title: 'No CloudTrail trail records S3 object-level events',
    description:
      'A module has `aws_cloudtrail` trails but none logs S3 data events (an `event_selector` with a `data_resource` of type `AWS::S3::Object`, or an `advanced_event_selector` on `resources.type = AWS::S3::Object`). Reported at each trail.',
    rationale:
      'Management events show that a bucket policy changed, not who downloaded or deleted which objects; after a leak, object-level events are the only record of what was read. They are billed per event, so many teams scope them to sensitive buckets, which satisfies this rule. Low.',
    remediation:
      'Add an `advanced_event_selector` with two `field_selector` blocks: `eventCategory` equals `["Data"]` and `resources.type` equals `["AWS::S3::Object"]` (optionally a third on `resources.ARN` to scope it to sensitive buckets).',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['AWS-0171', 'AWS-0172'],
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n  advanced_event_selector {\n    name = "S3 object events"\n    field_selector {\n      field  = "eventCategory"\n      equals = ["Data"]\n    }\n    field_selector {\n      field  = "resources.type"\n      equals = ["AWS::S3::Object"]\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const trails = module.resourcesOf('aws_cloudtrail');
    if (trails.some((t) => logsS3DataEvents(t) !== false)) return;
    for (const t of trails)
      reportOn(ctx, t, t.headerLoc, `Trail ${nameOf(t)} does not record S3 object-level events.`);
  },
});
