import type { ModuleTable } from './table.js';

/** Private repositories only: `repository_type = "public"` creates an `aws_ecrpublic_repository`. */
const privateRepository = {
  input: 'repository_type',
  is: { equals: 'private' },
  defaults: [{ value: 'private' }],
};

/** terraform-aws-modules/ecr/aws: scan on push and immutable tags are the module's defaults. */
export const ecr: ModuleTable = {
  source: 'terraform-aws-modules/ecr/aws',
  repository: 'terraform-aws-modules/terraform-aws-ecr',
  latest: '3.0.0',
  creates: ['create', 'create_repository'],
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/ecr/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-ecr/blob/master/variables.tf (repository_image_scan_on_push = true, repository_image_tag_mutability = "IMMUTABLE", repository_encryption_type = null, i.e. AES256)',
  ],
  inputs: [
    {
      rule: 'terraform/ecr-image-scanning',
      input: 'repository_image_scan_on_push',
      insecure: { equals: false },
      defaults: [{ value: true }],
      when: privateRepository,
      consequence: 'pushed images are not scanned for vulnerabilities',
    },
    {
      rule: 'terraform/ecr-tag-immutability',
      input: 'repository_image_tag_mutability',
      insecure: { equals: 'MUTABLE' },
      defaults: [{ value: 'IMMUTABLE' }],
      when: privateRepository,
      consequence: 'a push can replace the image behind an existing tag',
    },
    {
      rule: 'terraform/ecr-kms-encryption',
      input: 'repository_encryption_type',
      insecure: { anyOf: [{ empty: true }, { equals: 'AES256' }] },
      defaults: [{ value: null }],
      when: privateRepository,
      consequence: 'images are encrypted with S3-managed keys, not a KMS key',
    },
  ],
};
