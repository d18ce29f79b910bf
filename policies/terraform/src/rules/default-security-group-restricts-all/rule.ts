import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/default-security-group-restricts-all',
  domain: terraformDomain,
  meta: {
    title: 'Default security group allows traffic',
    description: '`aws_default_security_group` keeps `ingress` or `egress` rules.',
    rationale:
      'Resources launched without an explicit security group land in the VPC default group; if it allows traffic, forgotten instances are reachable. CIS asks for a default group with no rules at all. Medium.',
    remediation:
      'Manage the default group with `aws_default_security_group` and no `ingress`/`egress` blocks, and give every resource its own group.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV2_AWS_12', 'AWS-0173'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n\n  ingress {\n    protocol  = "-1"\n    self      = true\n    from_port = 0\n    to_port   = 0\n  }\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 10 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const sg of module.resourcesOf('aws_default_security_group')) {
      for (const type of ['ingress', 'egress']) {
        for (const b of sg.blocks(type))
          reportOn(ctx, sg, b.headerLoc, `The default security group ${nameOf(sg)} has an \`${type}\` rule.`);
      }
    }
  },
});
