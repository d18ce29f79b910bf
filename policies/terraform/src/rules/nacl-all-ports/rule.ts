import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { naclIngressFromWorld } from '../../lib/nacl.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/nacl-all-ports',
  domain: terraformDomain,
  meta: {
    title: 'Network ACL allows all traffic from the internet',
    description:
      'An ingress entry of a network ACL (`aws_network_acl`, `aws_default_network_acl` or `aws_network_acl_rule`) allows every protocol (`protocol = "-1"`) from `0.0.0.0/0` or `::/0`.',
    rationale:
      'Network ACLs are the subnet-level second line behind security groups; an allow-all entry from the internet means the subnet relies on security groups alone. That is also what the default ACL of every VPC does, so this is low: it matters for subnets meant to be private or for environments that require two layers (PCI).',
    remediation:
      'Allow only the protocols and ports the subnet serves (for a public subnet: 80/443 and the ephemeral range 1024–65535 for return traffic), or keep allow-all only on public subnets.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['AWS-0102'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_network_acl_rule" "all_in" {\n  network_acl_id = aws_network_acl.private.id\n  rule_number    = 100\n  protocol       = "-1"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n}\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_network_acl_rule" "https_in" {\n  network_acl_id = aws_network_acl.private.id\n  rule_number    = 100\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 443\n  to_port        = 443\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const o of naclIngressFromWorld(module)) {
      if (o.protocol !== 'all') continue;
      reportOn(
        ctx,
        o.owner,
        o.view.attr(o.cidrAttr)!,
        `${nameOf(o.owner)} allows all traffic from the internet.`,
      );
    }
  },
});
