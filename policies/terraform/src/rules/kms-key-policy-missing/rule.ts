import { defineRule } from '@plumbline/core';
import { isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/kms-key-policy-missing',
  domain: terraformDomain,
  meta: {
    title: 'KMS key has no key policy of its own',
    description:
      'An `aws_kms_key` has no `policy` and no `aws_kms_key_policy` refers to it, so it gets the default key policy.',
    rationale:
      'The default policy hands the key to the account root, which means any IAM principal whose identity policy allows `kms:*` (admins, but also any role with a broad policy) can decrypt with it; the key policy is the only place to say who may use this key. Low: identity policies may already be tight.',
    remediation:
      'Write a key policy (`policy = data.aws_iam_policy_document.key.json`) that names the key administrators and the roles and services that use the key.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV2_AWS_64'],
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.data_key.json\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const policies = module.resourcesOf('aws_kms_key_policy').map((p) => p.value('key_id'));
    // A policy whose key cannot be resolved might be for any key of the module.
    const unresolved = policies.some((v) => !isUnknown(v) || !v.ref?.address.startsWith('aws_kms_key.'));
    for (const k of module.resourcesOf('aws_kms_key')) {
      if (k.has('policy') || unresolved || policies.some((v) => k.isReferencedBy(v))) continue;
      reportOn(ctx, k, k.headerLoc, `KMS key ${nameOf(k)} relies on the default key policy.`);
    }
  },
});
