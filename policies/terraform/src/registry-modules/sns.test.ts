import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import topicEncryption from '../rules/sns-topic-encryption/rule.js';
import topicKmsCmk from '../rules/sns-topic-kms-cmk/rule.js';

/** A call of terraform-aws-modules/sns/aws as its README writes it. */
const sns = (args = '', version = '~> 6.0') =>
  `module "alerts" {\n  source  = "terraform-aws-modules/sns/aws"\n  version = "${version}"\n\n  name = "ops-alerts"\n${args}}\n`;

const tester = new RuleTester([hclLanguage]);

tester.run(topicEncryption, {
  valid: [
    { name: 'hardened: a customer-managed key', code: sns('  kms_master_key_id = aws_kms_key.sns.id\n') },
    { name: 'v4 call that creates no topic', code: sns('  create_sns_topic = false\n', '~> 4.0') },
  ],
  invalid: [
    {
      name: 'no key (the default of every version), reported at the module block',
      code: sns(),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          message: "leaves `kms_master_key_id` at the module's default `null`",
        },
      ],
    },
    {
      name: 'explicitly null, reported at the argument',
      code: sns('  kms_master_key_id = null\n'),
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 27 }],
    },
  ],
});

tester.run(topicKmsCmk, {
  valid: [
    { name: 'hardened: a customer-managed key', code: sns('  kms_master_key_id = aws_kms_key.sns.id\n') },
    { name: 'no key at all is the other rule’s finding', code: sns() },
  ],
  invalid: [
    {
      name: 'the AWS-managed key, reported at the argument',
      code: sns('  kms_master_key_id = "alias/aws/sns"\n'),
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 38 }],
    },
  ],
});
