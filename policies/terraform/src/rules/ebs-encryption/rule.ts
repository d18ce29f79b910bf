import { defineRule } from '@plumbline/core';
import { asBool, type BlockView, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { replaceLiteral } from '../../lib/fix.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ebs-encryption',
  domain: terraformDomain,
  meta: {
    title: 'EBS volume is not encrypted',
    description:
      'An `aws_ebs_volume`, or a root/EBS block device of an instance, launch template or launch configuration, is not encrypted. Not reported when the module turns on `aws_ebs_encryption_by_default`.',
    rationale:
      'Unencrypted volumes and their snapshots can be copied and shared to another account and read there; encryption ties them to a KMS key you control. Encryption is free and transparent, so there is no reason to skip it. Medium.',
    remediation:
      'Set `encrypted = true` (with `kms_key_id` for a customer-managed key), or enable `aws_ebs_encryption_by_default` for the account.',
    category: 'security',
    severity: 'medium',
    fixable: true,
    confidence: 'medium',
    aliases: ['CKV_AWS_3', 'CKV_AWS_8', 'AWS-0026', 'AWS-0131', 'AWS-0008', 'AWS-0122', 'CKV2_AWS_2'],
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    if (module.resourcesOf('aws_ebs_encryption_by_default').some((r) => asBool(r.value('enabled')) !== false))
      return;
    const check = (owner: TfResource, v: BlockView, what: string, missingIsUnencrypted: boolean) => {
      const a = v.attr('encrypted');
      if (!a) {
        if (missingIsUnencrypted && !v.has('snapshot_id'))
          reportOn(ctx, owner, v.headerLoc, `${what} is not encrypted.`);
      } else if (asBool(v.value('encrypted')) === false)
        reportOn(
          ctx,
          owner,
          a,
          `${what} sets \`encrypted = false\`.`,
          undefined,
          replaceLiteral(
            a,
            'true',
            "Encrypt the volume (with the account's default EBS key unless `kms_key_id` is set)",
          ),
        );
    };
    for (const r of module.resourcesOf('aws_ebs_volume')) check(r, r, `EBS volume ${nameOf(r)}`, true);
    for (const r of module.resourcesOf('aws_instance', 'aws_launch_configuration')) {
      for (const type of ['root_block_device', 'ebs_block_device']) {
        for (const b of r.blocks(type)) check(r, b, `The \`${type}\` of ${nameOf(r)}`, true);
      }
    }
    for (const r of module.resourcesOf('aws_launch_template')) {
      for (const m of r.blocks('block_device_mappings'))
        for (const e of m.blocks('ebs')) check(r, e, `A block device of ${nameOf(r)}`, true);
    }
  },
});
