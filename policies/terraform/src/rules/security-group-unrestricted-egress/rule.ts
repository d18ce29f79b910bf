import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { egressPermissions } from '../../lib/network.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/security-group-unrestricted-egress',
  domain: terraformDomain,
  meta: {
    title: 'Security group allows egress to the whole internet',
    description: 'An egress rule allows traffic to `0.0.0.0/0` or `::/0`.',
    rationale:
      'Open egress lets a compromised workload download tooling and exfiltrate data anywhere. It is also the AWS default and what most workloads need to reach AWS APIs without VPC endpoints, so this is low: tighten it where the data is sensitive.',
    remediation:
      'Limit egress to the CIDRs, prefix lists (VPC endpoints) or security groups the workload talks to.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_382', 'AWS-0104'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "db" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 6, column: 5, endLine: 6, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "db" {\n  egress {\n    description     = "to the app tier only"\n    from_port       = 443\n    to_port         = 443\n    protocol        = "tcp"\n    security_groups = [aws_security_group.app.id]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, p } of egressPermissions(module)) {
      reportOn(
        ctx,
        owner,
        p.view.attr(p.cidrAttr)!,
        `${nameOf(owner)} allows egress to ${p.open.join(', ')}.`,
        p.open.join(','),
      );
    }
  },
});
