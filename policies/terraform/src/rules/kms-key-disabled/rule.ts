import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/kms-key-disabled',
  domain: terraformDomain,
  meta: {
    title: 'KMS key is disabled',
    description: 'An `aws_kms_key` sets `is_enabled = false`.',
    rationale:
      'Everything encrypted under a disabled key is unreadable: volumes fail to attach, databases fail to start and objects fail to download, until someone re-enables it. Sometimes it is the first step of a planned retirement, hence low: make sure nothing still depends on the key.',
    remediation:
      'Set `is_enabled = true`, or, if the key is being retired, re-encrypt the data under another key and schedule its deletion with `deletion_window_in_days`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_227'],
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n  is_enabled          = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n  is_enabled          = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const k of module.resourcesOf('aws_kms_key')) {
      const a = k.attr('is_enabled');
      if (a && asBool(k.value('is_enabled')) === false)
        reportOn(ctx, k, a, `KMS key ${nameOf(k)} is disabled.`);
    }
  },
});
