import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import logGroupKms from '../rules/cloudwatch-log-group-kms/rule.js';
import logGroupRetention from '../rules/cloudwatch-log-group-retention/rule.js';
import keyPolicyMissing from '../rules/kms-key-policy-missing/rule.js';
import keyRotation from '../rules/kms-key-rotation/rule.js';

/** The log group and KMS key the EKS module creates next to the cluster. */
const eks = (version: string, args = '') =>
  `module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "${version}"\n\n  cluster_name    = "prod"\n  cluster_version = "1.30"\n  vpc_id          = module.vpc.vpc_id\n  subnet_ids      = module.vpc.private_subnets\n${args}}\n`;

const tester = new RuleTester([hclLanguage]);

tester.run(logGroupKms, {
  valid: [
    {
      name: 'hardened: the log group is encrypted with a key of ours',
      code: eks('~> 20.0', '  cloudwatch_log_group_kms_key_id = aws_kms_key.logs.arn\n'),
    },
    {
      name: 'no log group created by the module',
      code: eks('~> 20.0', '  create_cloudwatch_log_group = false\n'),
    },
    { name: 'v17 without log types creates no log group', code: eks('~> 17.24') },
    {
      name: 'a range spanning v17 and v18 (renamed input) has no single default',
      code: eks('>= 17.0, < 19.0'),
    },
  ],
  invalid: [
    {
      name: 'v20 default, reported at the module block',
      code: eks('~> 20.0'),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          message: "leaves `cloudwatch_log_group_kms_key_id` at the module's default `null` (since v18.0.0)",
        },
      ],
    },
    {
      name: 'v17 with log types enabled and no key',
      code: eks('~> 17.24', '  cluster_enabled_log_types = ["api", "audit"]\n'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'default `""` (before v18.0.0)' }],
    },
    {
      name: 'an empty key id, reported at the argument',
      code: eks('~> 19.21', '  cloudwatch_log_group_kms_key_id = ""\n'),
      errors: [{ line: 9, column: 3, endLine: 9, endColumn: 39 }],
    },
  ],
});

tester.run(logGroupRetention, {
  valid: [
    { name: 'the module keeps 90 days by default', code: eks('~> 20.0') },
    { name: 'a year', code: eks('~> 21.0', '  cloudwatch_log_group_retention_in_days = 365\n') },
  ],
  invalid: [
    {
      name: 'retention 0 (never expire), reported at the argument',
      code: eks('~> 20.0', '  cloudwatch_log_group_retention_in_days = 0\n'),
      errors: [{ line: 9, column: 3, endLine: 9, endColumn: 45 }],
    },
  ],
});

tester.run(keyRotation, {
  valid: [
    { name: 'the module rotates its key by default', code: eks('~> 20.0') },
    {
      name: 'no key created by the module',
      code: eks('~> 20.0', '  create_kms_key          = false\n  enable_kms_key_rotation = false\n'),
    },
    { name: 'v18 created no key unless asked', code: eks('~> 18.31', '  enable_kms_key_rotation = false\n') },
    {
      name: 'a range spanning v18 and v19 (create_kms_key false, then true) has no single default',
      code: eks('>= 18.0, < 20.0', '  enable_kms_key_rotation = false\n'),
    },
  ],
  invalid: [
    {
      name: 'rotation turned off, reported at the argument',
      code: eks('~> 20.0', '  enable_kms_key_rotation = false\n'),
      errors: [
        { line: 9, column: 3, endLine: 9, endColumn: 34, message: 'sets `enable_kms_key_rotation = false`' },
      ],
    },
  ],
});

// The module's key always gets a key policy of its own (through terraform-aws-modules/kms).
tester.run(keyPolicyMissing, {
  valid: [
    { name: 'the module writes a key policy', code: eks('~> 20.0') },
    {
      name: 'also with the default statement off',
      code: eks('~> 19.0', '  kms_key_enable_default_policy = false\n'),
    },
  ],
  invalid: [
    {
      name: 'a raw key next to it has none',
      code: `${eks('~> 20.0')}\nresource "aws_kms_key" "logs" {\n  enable_key_rotation = true\n}\n`,
      errors: [{ line: 11, column: 1, endLine: 11, endColumn: 30 }],
    },
  ],
});
