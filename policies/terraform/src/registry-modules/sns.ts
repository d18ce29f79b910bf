import type { ModuleTable } from './table.js';

/** terraform-aws-modules/sns/aws: no encryption unless `kms_master_key_id` is given (every major). */
export const sns: ModuleTable = {
  source: 'terraform-aws-modules/sns/aws',
  repository: 'terraform-aws-modules/terraform-aws-sns',
  latest: '7.0.0',
  // v5 renamed `create_sns_topic` to `create`.
  creates: ['create', 'create_sns_topic'],
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/sns/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-sns/blob/master/docs/UPGRADE-5.0.md (create_sns_topic -> create)',
  ],
  inputs: [
    {
      rule: 'terraform/sns-topic-encryption',
      input: 'kms_master_key_id',
      insecure: { empty: true },
      defaults: [{ value: null }],
      consequence: 'server-side encryption is off',
    },
    {
      rule: 'terraform/sns-topic-kms-cmk',
      input: 'kms_master_key_id',
      insecure: { anyMatches: '(^|:)alias/aws/' },
      consequence: 'the topic uses the AWS-managed key `alias/aws/sns`',
    },
  ],
};
