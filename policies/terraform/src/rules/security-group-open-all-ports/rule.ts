import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { allPorts, ingressPermissions } from '../../lib/network.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/security-group-open-all-ports',
  domain: terraformDomain,
  meta: {
    title: 'Security group opens every port to the internet',
    description: 'An ingress rule allows all protocols (`-1`) or ports 0–65535 from `0.0.0.0/0` or `::/0`.',
    rationale:
      'Every service on the instance — databases, admin consoles, debug endpoints, the ones nobody knows are listening — becomes reachable from the internet. Nothing but a deliberate honeypot needs this, hence critical.',
    remediation:
      'Open only the ports the service serves (usually 443), or restrict the source to known CIDRs or security groups.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_AWS_277'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "app" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 6, column: 5, endLine: 6, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "app" {\n  ingress {\n    description = "HTTPS"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/security-group-open-all-ports');
    for (const { owner, p } of ingressPermissions(module)) {
      if (!allPorts(p)) continue;
      reportOn(
        ctx,
        owner,
        p.view.attr(p.cidrAttr)!,
        `${nameOf(owner)} allows all ports from ${p.open.join(', ')}.`,
        p.open.join(','),
      );
    }
  },
});
