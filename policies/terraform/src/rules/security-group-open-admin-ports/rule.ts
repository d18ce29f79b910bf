import { defineRule } from '@plumbline/core';
import type { TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { allPorts, ingressPermissions } from '../../lib/network.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

interface Options {
  ports: number[];
}

export default defineRule<TfModule, Options>({
  id: 'terraform/security-group-open-admin-ports',
  domain: terraformDomain,
  meta: {
    title: 'Security group opens an admin port to the internet',
    description:
      'An ingress rule allows SSH (22), RDP (3389) or another configured admin port from `0.0.0.0/0` or `::/0`.',
    rationale:
      'Remote-administration ports open to the whole internet are scanned within minutes and brute-forced continuously; one weak credential or unpatched daemon gives an attacker a shell. Reach them through SSM Session Manager, a VPN or a bastion with a narrow CIDR instead. Critical exposure, rated high because the host may still be hardened.',
    remediation:
      'Restrict the CIDR to the addresses that administer the host, or remove the rule and use SSM Session Manager.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_24', 'CKV_AWS_25', 'AWS-0107'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    options: {
      schema: {
        type: 'object',
        properties: { ports: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 } } },
        additionalProperties: false,
      },
      defaults: { ports: [22, 3389] },
    },
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "bastion" {\n  name = "bastion"\n\n  ingress {\n    description = "SSH"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 9, column: 5, endLine: 9, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "bastion" {\n  name = "bastion"\n\n  ingress {\n    description = "SSH from the office"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["203.0.113.0/24"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/security-group-open-admin-ports');
    const ports = ctx.options.ports;
    for (const { owner, p } of ingressPermissions(module)) {
      if (allPorts(p) || (p.protocol !== 'tcp' && p.protocol !== 'udp')) continue;
      if (p.from === undefined || p.to === undefined) continue;
      const hit = ports.filter((port) => port >= p.from! && port <= p.to!);
      if (hit.length === 0) continue;
      const attr = p.view.attr(p.cidrAttr)!;
      reportOn(
        ctx,
        owner,
        attr,
        `${nameOf(owner)} allows port ${hit.join(', ')} from ${p.open.join(', ')}.`,
        `${hit.join(',')} ${p.open.join(',')}`,
      );
    }
  },
});
