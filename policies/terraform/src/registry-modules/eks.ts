import type { InputCheck, ModuleTable, Predicate, VersionRange } from './table.js';

type Gate = NonNullable<InputCheck['when']>;

const LOG_TYPES = ['audit', 'api', 'authenticator'];

/** `cluster_enabled_log_types` (v21: `enabled_log_types`): nothing before v18, three types since. */
const logTypeDefaults: (VersionRange & { value: string[] })[] = [
  { until: '18.0.0', value: [] },
  { from: '18.0.0', value: LOG_TYPES },
];

/** The log group for control-plane logs the module creates (v18+: `create_cloudwatch_log_group`). */
const logGroupCreated: Gate = {
  input: 'create_cloudwatch_log_group',
  is: { equals: true },
  defaults: [{ from: '18.0.0', value: true }],
};

/** Before v18 the module created the log group only when some log type was enabled. */
const logGroupCreatedBefore18: Gate = {
  input: 'cluster_enabled_log_types',
  is: { not: { empty: true } },
  defaults: [{ until: '18.0.0', value: [] }],
};

/** The module's KMS key for secrets: `create_kms_key` defaulted to false in v18, true since v19. */
const kmsKeyCreated: Gate = {
  input: 'create_kms_key',
  is: { equals: true },
  defaults: [
    { until: '19.0.0', value: false },
    { from: '19.0.0', value: true },
  ],
};

const unsetOrEmpty: Predicate = { anyOf: [{ empty: true }, { equals: '' }] };

/** The log group and KMS key inputs kept their names in v21. */
const logGroupAndKey: InputCheck[] = [
  {
    rule: 'terraform/cloudwatch-log-group-kms',
    input: 'cloudwatch_log_group_kms_key_id',
    versions: { from: '18.0.0' },
    insecure: unsetOrEmpty,
    defaults: [{ from: '18.0.0', value: null }],
    when: logGroupCreated,
    consequence: 'the control-plane log group is not encrypted with a customer-managed KMS key',
  },
  {
    rule: 'terraform/cloudwatch-log-group-kms',
    input: 'cluster_log_kms_key_id',
    versions: { until: '18.0.0' },
    insecure: unsetOrEmpty,
    defaults: [{ until: '18.0.0', value: '' }],
    when: logGroupCreatedBefore18,
    consequence: 'the control-plane log group is not encrypted with a customer-managed KMS key',
  },
  {
    rule: 'terraform/cloudwatch-log-group-retention',
    input: 'cloudwatch_log_group_retention_in_days',
    versions: { from: '18.0.0' },
    // The default is 90 days; only an explicit 0 (or null) keeps logs forever.
    insecure: { anyOf: [{ empty: true }, { equals: 0 }] },
    when: logGroupCreated,
    consequence: 'the control-plane log group keeps logs forever',
  },
  {
    rule: 'terraform/kms-key-rotation',
    input: 'enable_kms_key_rotation',
    insecure: { equals: false },
    defaults: [{ from: '18.0.0', value: true }],
    when: kmsKeyCreated,
    consequence: 'the module’s secrets-encryption key is never rotated',
  },
];

/**
 * terraform-aws-modules/eks/aws. v18 renamed the log group inputs and enabled three log types by
 * default; v19 made the endpoint private and encrypted secrets with a key of its own by default;
 * v21 dropped the `cluster_` prefix of the cluster's inputs.
 *
 * The KMS key the module creates (through terraform-aws-modules/kms) always has a key policy of
 * its own (administrators: the caller; users: the cluster role), so
 * `terraform/kms-key-policy-missing` never applies to it.
 */
export const eks: ModuleTable = {
  source: 'terraform-aws-modules/eks/aws',
  repository: 'terraform-aws-modules/terraform-aws-eks',
  latest: '21.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/eks/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-18.0.md (cluster_log_kms_key_id -> cloudwatch_log_group_kms_key_id, create_cloudwatch_log_group added)',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-19.0.md (endpoint public false, create_kms_key true, cluster_encryption_config {resources = ["secrets"]})',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-20.0.md (kms_key_enable_default_policy false -> true; no other default checked here changed)',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-21.0.md (cluster_* inputs renamed; typed encryption_config whose {} still encrypts secrets)',
    'variables.tf and main.tf of v19 (log types, endpoint CIDRs, log group, kms module call); v17 variables.tf (cluster_enabled_log_types = [], cluster_log_kms_key_id = ""); issue #2204 (v18 log type defaults)',
  ],
  inputs: [
    {
      rule: 'terraform/eks-public-endpoint',
      input: 'cluster_endpoint_public_access',
      versions: { until: '21.0.0' },
      insecure: { equals: true },
      // v19 turned the public endpoint off by default.
      defaults: [
        { until: '19.0.0', value: true },
        { from: '19.0.0', value: false },
      ],
      consequence: 'the Kubernetes API endpoint is public',
    },
    {
      rule: 'terraform/eks-public-endpoint',
      input: 'endpoint_public_access',
      versions: { from: '21.0.0' },
      insecure: { equals: true },
      defaults: [{ from: '21.0.0', value: false }],
      consequence: 'the Kubernetes API endpoint is public',
    },
    {
      rule: 'terraform/eks-public-cidr',
      input: 'cluster_endpoint_public_access_cidrs',
      versions: { until: '21.0.0' },
      insecure: { containsAny: ['0.0.0.0/0', '::/0'] },
      defaults: [{ value: ['0.0.0.0/0'] }],
      when: {
        input: 'cluster_endpoint_public_access',
        is: { equals: true },
        defaults: [
          { until: '19.0.0', value: true },
          { from: '19.0.0', value: false },
        ],
      },
      consequence: 'the public Kubernetes API endpoint is open to the whole internet',
    },
    {
      rule: 'terraform/eks-public-cidr',
      input: 'endpoint_public_access_cidrs',
      versions: { from: '21.0.0' },
      insecure: { containsAny: ['0.0.0.0/0', '::/0'] },
      defaults: [{ value: ['0.0.0.0/0'] }],
      when: { input: 'endpoint_public_access', is: { equals: true }, defaults: [{ value: false }] },
      consequence: 'the public Kubernetes API endpoint is open to the whole internet',
    },
    {
      rule: 'terraform/eks-secrets-encryption',
      input: 'cluster_encryption_config',
      versions: { until: '21.0.0' },
      // `[]`, `{}` or null turn it off (v18 and older take a list, v19/v20 an object).
      insecure: { empty: true },
      // v19 creates a KMS key and encrypts secrets by default; v18 and older encrypt nothing.
      defaults: [
        { until: '19.0.0', value: [] },
        { from: '19.0.0', value: { resources: ['secrets'] } },
      ],
      consequence: 'Kubernetes secrets are not encrypted with a KMS key',
    },
    {
      rule: 'terraform/eks-secrets-encryption',
      input: 'encryption_config',
      versions: { from: '21.0.0' },
      // v21 types the input: `{}` gets `resources = ["secrets"]` from the type, only null turns it off.
      insecure: { equals: null },
      defaults: [{ from: '21.0.0', value: {} }],
      consequence: 'Kubernetes secrets are not encrypted with a KMS key',
    },
    {
      rule: 'terraform/eks-control-plane-logging',
      input: 'cluster_enabled_log_types',
      versions: { until: '21.0.0' },
      insecure: { lacksAny: LOG_TYPES },
      defaults: logTypeDefaults,
      consequence: 'control-plane logs are missing',
    },
    {
      rule: 'terraform/eks-control-plane-logging',
      input: 'enabled_log_types',
      versions: { from: '21.0.0' },
      insecure: { lacksAny: LOG_TYPES },
      defaults: [{ from: '21.0.0', value: LOG_TYPES }],
      consequence: 'control-plane logs are missing',
    },
    ...logGroupAndKey,
  ],
};
