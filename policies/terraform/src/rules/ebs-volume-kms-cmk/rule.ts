import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ebs-volume-kms-cmk',
  domain: terraformDomain,
  meta: {
    title: 'EBS volume is not encrypted with a customer-managed KMS key',
    description:
      'An encrypted `aws_ebs_volume` has no `kms_key_id` (or uses `alias/aws/ebs`), so it is encrypted with the AWS-managed EBS key. Unencrypted volumes are reported by `terraform/ebs-encryption`; a module that sets `aws_ebs_default_kms_key` is not reported.',
    rationale:
      'Snapshots encrypted with the AWS-managed key cannot be shared with another account, and the key policy cannot be narrowed; a customer-managed key allows both and adds an audited permission on every attach. Defence in depth, hence low.',
    remediation:
      'Set `kms_key_id = aws_kms_key.ebs.arn`, or set an account default with `aws_ebs_default_kms_key`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_189', 'AWS-0027'],
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n  kms_key_id        = aws_kms_key.ebs.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    if (module.resourcesOf('aws_ebs_default_kms_key').length > 0) return;
    for (const r of module.resourcesOf('aws_ebs_volume')) {
      // A volume restored from a snapshot keeps the snapshot's key.
      if (r.has('snapshot_id') || asBool(r.value('encrypted')) !== true) continue;
      const key = r.attr('kms_key_id');
      if (!key) reportOn(ctx, r, r.headerLoc, `EBS volume ${nameOf(r)} uses the AWS-managed EBS key.`);
      else if (isAwsManagedKey(r.value('kms_key_id')))
        reportOn(ctx, r, key, `EBS volume ${nameOf(r)} uses the AWS-managed EBS key.`);
    }
  },
});
