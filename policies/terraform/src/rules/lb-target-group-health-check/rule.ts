import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lb-target-group-health-check',
  domain: terraformDomain,
  meta: {
    title: 'Load balancer target group has no explicit health check',
    description:
      'An `aws_lb_target_group` has no `health_check` block (so it probes `/` with defaults) or disables it. Lambda target groups are not reported.',
    rationale:
      'The load balancer only stops sending traffic to broken targets if the health check reflects the application’s health; the default `/` probe often hits a static page or a redirect, and a disabled check routes to dead targets. Low: defaults exist.',
    remediation:
      'Add `health_check { path = "/healthz" matcher = "200" interval = 15 }` pointing at a real readiness endpoint.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_target_group" "api" {\n  port     = 8080\n  protocol = "HTTP"\n  vpc_id   = aws_vpc.main.id\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_target_group" "api" {\n  port     = 8080\n  protocol = "HTTP"\n  vpc_id   = aws_vpc.main.id\n  health_check {\n    path    = "/healthz"\n    matcher = "200"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lb-target-group-health-check');
    for (const r of module.resourcesOf('aws_lb_target_group', 'aws_alb_target_group')) {
      if (asString(r.value('target_type')) === 'lambda') continue;
      const checks = r.blocks('health_check');
      if (!r.hasBlock('health_check')) {
        reportOn(
          ctx,
          r,
          r.headerLoc,
          `Target group ${nameOf(r)} has no \`health_check\`: the default probe of \`/\` decides which targets get traffic.`,
        );
        continue;
      }
      for (const h of checks) {
        const a = h.attr('enabled');
        if (a && asBool(h.value('enabled')) === false)
          reportOn(ctx, r, a, `Target group ${nameOf(r)} disables its health check.`);
      }
    }
  },
});
