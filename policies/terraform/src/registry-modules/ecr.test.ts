import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import imageScanning from '../rules/ecr-image-scanning/rule.js';
import kmsEncryption from '../rules/ecr-kms-encryption/rule.js';
import tagImmutability from '../rules/ecr-tag-immutability/rule.js';

/** A call of terraform-aws-modules/ecr/aws as its README writes it. */
const ecr = (args = '', version = '~> 2.2') =>
  `module "ecr" {\n  source  = "terraform-aws-modules/ecr/aws"\n  version = "${version}"\n\n  repository_name                   = "orders-api"\n  repository_read_write_access_arns = [aws_iam_role.ci.arn]\n${args}}\n`;

const HARDENED_KMS =
  '  repository_encryption_type = "KMS"\n  repository_kms_key         = aws_kms_key.ecr.arn\n';

const tester = new RuleTester([hclLanguage]);

tester.run(imageScanning, {
  valid: [
    { name: 'scan on push is the module default', code: ecr() },
    {
      name: 'a public repository has no scan setting',
      code: ecr('  repository_type = "public"\n  repository_image_scan_on_push = false\n'),
    },
    {
      name: 'a call that creates no repository',
      code: ecr('  create_repository = false\n  repository_image_scan_on_push = false\n'),
    },
  ],
  invalid: [
    {
      name: 'scanning turned off, reported at the argument',
      code: ecr('  repository_image_scan_on_push = false\n'),
      errors: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 40,
          message: 'sets `repository_image_scan_on_push = false`',
        },
      ],
    },
  ],
});

tester.run(tagImmutability, {
  valid: [
    { name: 'IMMUTABLE is the module default', code: ecr() },
    {
      name: 'exclusions for moving tags',
      code: ecr('  repository_image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"\n'),
    },
  ],
  invalid: [
    {
      name: 'mutable tags, reported at the argument',
      code: ecr('  repository_image_tag_mutability = "MUTABLE"\n'),
      errors: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 46,
          message: 'sets `repository_image_tag_mutability = "MUTABLE"`',
        },
      ],
    },
  ],
});

tester.run(kmsEncryption, {
  valid: [
    { name: 'hardened: a KMS key', code: ecr(HARDENED_KMS) },
    { name: 'unknown encryption type', code: ecr('  repository_encryption_type = var.encryption_type\n') },
  ],
  invalid: [
    {
      name: 'AES256 set explicitly, reported at the argument',
      code: ecr('  repository_encryption_type = "AES256"\n'),
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 40 }],
    },
    {
      name: 'left at the default (AES256), reported at the module block',
      code: ecr(),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          message: "leaves `repository_encryption_type` at the module's default `null`",
        },
      ],
    },
  ],
});
