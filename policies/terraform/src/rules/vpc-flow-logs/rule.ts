import { defineRule } from '@plumbline/core';
import { isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
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
    const logs = module.resourcesOf('aws_flow_log');
    const unresolved = logs.some((l) => {
      const v = l.value('vpc_id');
      return isUnknown(v) && !(v.ref && module.byAddress(v.ref.address));
    });
    if (unresolved) return;
    for (const vpc of module.resourcesOf('aws_vpc')) {
      if (logs.some((l) => vpc.isReferencedBy(l.value('vpc_id')))) continue;
      reportOn(ctx, vpc, vpc.headerLoc, `VPC ${nameOf(vpc)} has no flow log.`);
    }
  },
});
