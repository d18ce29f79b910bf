import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { requireTrue } from '../../lib/checks.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lb-drop-invalid-headers',
  domain: terraformDomain,
  meta: {
    title: 'Application load balancer forwards invalid HTTP headers',
    description:
      'An application `aws_lb` (or `aws_alb`) does not set `drop_invalid_header_fields = true`. Network and gateway load balancers do not parse HTTP and are not reported.',
    rationale:
      'By default an ALB passes on header names that are not valid HTTP tokens; back ends that parse headers differently from the ALB are then open to request smuggling and header injection (for example a forged `X-Forwarded-For`). Dropping them costs nothing for well-behaved clients. Medium.',
    remediation: 'Set `drop_invalid_header_fields = true`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['AWS-0052'],
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = var.public_subnet_ids\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb" "web" {\n  name                       = "web"\n  load_balancer_type         = "application"\n  subnets                    = var.public_subnet_ids\n  drop_invalid_header_fields = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lb-drop-invalid-headers');
    for (const lb of module.resourcesOf('aws_lb', 'aws_alb')) {
      const type = lb.has('load_balancer_type') ? asString(lb.value('load_balancer_type')) : 'application';
      if (type !== 'application') continue;
      requireTrue(ctx, lb, lb, 'drop_invalid_header_fields', {
        missing: `Load balancer ${nameOf(lb)} forwards invalid HTTP header fields.`,
        off: `Load balancer ${nameOf(lb)} sets \`drop_invalid_header_fields = false\`.`,
      });
    }
  },
});
