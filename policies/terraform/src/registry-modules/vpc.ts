import type { ModuleTable } from './table.js';

export const vpc: ModuleTable = {
  source: 'terraform-aws-modules/vpc/aws',
  repository: 'terraform-aws-modules/terraform-aws-vpc',
  latest: '6.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/vpc/aws/latest?tab=inputs (enable_flow_log = false, "Whether or not to enable VPC Flow Logs")',
  ],
  inputs: [
    {
      rule: 'terraform/vpc-flow-logs',
      input: 'enable_flow_log',
      insecure: { equals: false },
      defaults: [{ value: false }],
      consequence: 'the VPC has no flow log',
    },
  ],
};
