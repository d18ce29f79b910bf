import { defineRule } from '@plumbline/core';
import { isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/vpc-flow-logs',
  domain: terraformDomain,
  meta: {
    title: 'VPC has no flow logs',
    description: 'An `aws_vpc` has no `aws_flow_log` with `vpc_id` pointing at it in the same module.',
    rationale:
      'Flow logs are the only record of which addresses talked to what inside the VPC; incident response without them is guesswork. Medium: a detection gap, not an exposure.',
    remediation: 'Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` sending to CloudWatch Logs or S3.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV2_AWS_11', 'AWS-0178'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  log_destination = aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    // A flow log of this module for the VPC module's output (or for an unknown VPC) may cover it.
    checkRegistryModules(module, ctx, 'terraform/vpc-flow-logs', {
      skip: (call) =>
        module.resourcesOf('aws_flow_log').some((l) => {
          const v = l.value('vpc_id');
          return isUnknown(v) && (!v.ref || v.ref.address === `module.${call.name}`);
        }),
    });
    const logs = module.resourcesOf('aws_flow_log');
    const unresolved = logs.some((l) => {
      const v = l.value('vpc_id');
      // Only a reference to an `aws_vpc` of this module is resolved; anything else may be this VPC.
      return isUnknown(v) && !(v.ref?.address.startsWith('aws_vpc.') && module.byAddress(v.ref.address));
    });
    if (unresolved) return;
    // A caller that creates a flow log for one of this module's outputs may be logging this VPC.
    const loggedByCaller = module.callers.some(({ module: parent, call }) =>
      parent.resourcesOf('aws_flow_log').some((l) => {
        const v = l.value('vpc_id');
        return isUnknown(v) && (!v.ref || v.ref.address === `module.${call.name}`);
      }),
    );
    if (loggedByCaller) return;
    for (const vpc of module.resourcesOf('aws_vpc')) {
      if (logs.some((l) => vpc.isReferencedBy(l.value('vpc_id')))) continue;
      reportOn(ctx, vpc, vpc.headerLoc, `VPC ${nameOf(vpc)} has no flow log.`);
    }
  },
});
