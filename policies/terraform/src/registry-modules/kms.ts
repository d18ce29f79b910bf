import type { ModuleTable } from './table.js';

export const kms: ModuleTable = {
  source: 'terraform-aws-modules/kms/aws',
  repository: 'terraform-aws-modules/terraform-aws-kms',
  latest: '4.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/kms/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-kms/blob/master/variables.tf (enable_key_rotation = true; the key policy is generated from key_owners/key_administrators/key_users, so kms-key-policy-missing does not apply)',
  ],
  inputs: [
    {
      rule: 'terraform/kms-key-rotation',
      input: 'enable_key_rotation',
      insecure: { equals: false },
      defaults: [{ value: true }],
      consequence: 'the key is never rotated',
    },
  ],
};
