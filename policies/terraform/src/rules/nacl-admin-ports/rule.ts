import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { naclIngressFromWorld } from '../../lib/nacl.js';
import { nameOf, reportOn } from '../../lib/report.js';

const ADMIN_PORTS = [22, 3389];

export default defineRule({
  id: 'terraform/nacl-admin-ports',
  domain: terraformDomain,
  meta: {
    title: 'Network ACL allows SSH or RDP from the internet',
    description:
      'A TCP ingress entry of a network ACL allows a port range containing 22 (SSH) or 3389 (RDP) from `0.0.0.0/0` or `::/0`. All-protocol entries are reported by `terraform/nacl-all-ports`; the ephemeral return range (from 1024 or above up to 65535), which stateless ACLs need and which happens to contain 3389, is not reported.',
    rationale:
      'Remote administration ports are the most scanned on the internet; CIS asks that no network ACL lets them in from anywhere, so that one permissive security group is not enough to expose a host. Medium: a security group still has to allow the port too.',
    remediation:
      'Restrict the entry to the administrators’ or VPN’s CIDR, or use SSM Session Manager and remove SSH/RDP from the ACL.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['AWS-0105'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_network_acl_rule" "ssh_in" {\n  network_acl_id = aws_network_acl.public.id\n  rule_number    = 110\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_network_acl_rule" "ssh_in" {\n  network_acl_id = aws_network_acl.public.id\n  rule_number    = 110\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "203.0.113.0/24"\n  from_port      = 22\n  to_port        = 22\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const o of naclIngressFromWorld(module)) {
      if (o.protocol !== 'tcp' || o.from === undefined || o.to === undefined) continue;
      // Stateless ACLs must let return traffic in on the ephemeral range (1024-65535), which
      // happens to contain 3389; that range is not an opening for RDP.
      if (o.from >= 1024 && o.to >= 65535) continue;
      const ports = ADMIN_PORTS.filter((p) => o.from! <= p && p <= o.to!);
      if (ports.length === 0) continue;
      reportOn(
        ctx,
        o.owner,
        o.view.attr(o.cidrAttr)!,
        `${nameOf(o.owner)} allows port ${ports.join(' and ')} from the internet.`,
      );
    }
  },
});
