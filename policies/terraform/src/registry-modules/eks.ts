import type { ModuleTable } from './table.js';

/** terraform-aws-modules/eks/aws: v21 dropped the `cluster_` prefix of the cluster's inputs. */
export const eks: ModuleTable = {
  source: 'terraform-aws-modules/eks/aws',
  repository: 'terraform-aws-modules/terraform-aws-eks',
  latest: '21.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/eks/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-19.0.md',
    'https://github.com/terraform-aws-modules/terraform-aws-eks/blob/master/docs/UPGRADE-21.0.md',
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
      insecure: { empty: true },
      defaults: [{ from: '21.0.0', value: { resources: ['secrets'] } }],
      consequence: 'Kubernetes secrets are not encrypted with a KMS key',
    },
    {
      rule: 'terraform/eks-control-plane-logging',
      input: 'cluster_enabled_log_types',
      versions: { until: '21.0.0' },
      insecure: { lacksAny: ['api', 'audit', 'authenticator'] },
      defaults: [{ value: ['audit', 'api', 'authenticator'] }],
      consequence: 'control-plane logs are missing',
    },
    {
      rule: 'terraform/eks-control-plane-logging',
      input: 'enabled_log_types',
      versions: { from: '21.0.0' },
      insecure: { lacksAny: ['api', 'audit', 'authenticator'] },
      defaults: [{ value: ['audit', 'api', 'authenticator'] }],
      consequence: 'control-plane logs are missing',
    },
  ],
};
