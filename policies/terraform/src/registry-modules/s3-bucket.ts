import type { InputCheck, ModuleTable } from './table.js';

/** Block-public-access inputs default to `true` since v3.9.0 (April 2023, with AWS's own default). */
const block = (rule: string, input: string): InputCheck => ({
  rule,
  input,
  insecure: { equals: false },
  defaults: [
    { until: '3.9.0', value: false },
    { from: '3.9.0', value: true },
  ],
  consequence: 'the bucket is not protected from public access',
});

export const s3Bucket: ModuleTable = {
  source: 'terraform-aws-modules/s3-bucket/aws',
  repository: 'terraform-aws-modules/terraform-aws-s3-bucket',
  latest: '5.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/s3-bucket/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-s3-bucket/releases/tag/v3.9.0 (CHANGELOG: "Updated S3 Bucket Block Public Access and ACL(Object Ownership) defaults to work since April 2023", #226)',
  ],
  inputs: [
    block('terraform/s3-block-public-acls', 'block_public_acls'),
    block('terraform/s3-block-public-policy', 'block_public_policy'),
    block('terraform/s3-ignore-public-acls', 'ignore_public_acls'),
    block('terraform/s3-restrict-public-buckets', 'restrict_public_buckets'),
    {
      rule: 'terraform/s3-bucket-public-acl',
      input: 'acl',
      insecure: { anyMatches: '^(public-read|public-read-write|authenticated-read)$' },
      consequence: 'the bucket ACL grants access to everyone',
    },
    {
      rule: 'terraform/s3-bucket-versioning',
      input: 'versioning',
      // `{}` (the default) creates no versioning; `enabled`/`status` false or Suspended turn it off.
      insecure: {
        anyOf: [
          { empty: true },
          { field: 'enabled', is: { anyMatches: '^(false|Suspended|Disabled)$' } },
          { field: 'status', is: { anyMatches: '^(false|Suspended|Disabled)$' } },
        ],
      },
      defaults: [{ value: {} }],
      consequence: 'the bucket keeps no object versions',
    },
  ],
};
