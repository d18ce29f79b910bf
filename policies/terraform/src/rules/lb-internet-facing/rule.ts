import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lb-internet-facing',
  domain: terraformDomain,
  meta: {
    title: 'Load balancer is internet-facing',
    description:
      'An `aws_lb`, `aws_alb` or classic `aws_elb` does not set `internal = true`, so it gets public addresses.',
    rationale:
      'A public load balancer is the front door of whatever is behind it. That is intended for websites and public APIs and a mistake for admin tools and internal services; the configuration cannot tell which. Informational: a prompt to confirm the exposure, with WAF and TLS in front, not a defect by itself.',
    remediation:
      'Set `internal = true` for services that only callers inside the VPC or over VPN use; for public ones, attach a WAF web ACL and keep HTTPS-only listeners.',
    category: 'security',
    severity: 'info',
    confidence: 'low',
    aliases: ['AWS-0053'],
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb" "admin" {\n  name    = "admin"\n  subnets = var.public_subnet_ids\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = true\n  subnets  = var.private_subnet_ids\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lb-internet-facing');
    for (const lb of module.resourcesOf('aws_lb', 'aws_alb', 'aws_elb')) {
      const a = lb.attr('internal');
      if (!a) reportOn(ctx, lb, lb.headerLoc, `Load balancer ${nameOf(lb)} is internet-facing.`);
      else if (asBool(lb.value('internal')) === false)
        reportOn(ctx, lb, a, `Load balancer ${nameOf(lb)} is internet-facing (\`internal = false\`).`);
    }
  },
});
