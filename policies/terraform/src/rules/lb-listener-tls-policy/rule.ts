import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { WEAK_ELB_TLS_POLICY } from '../../lib/elb-tls-policies.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

const WEAK = new RegExp(WEAK_ELB_TLS_POLICY);

export default defineRule({
  id: 'terraform/lb-listener-tls-policy',
  domain: terraformDomain,
  meta: {
    title: 'Load balancer listener allows TLS 1.0/1.1',
    description:
      'An HTTPS/TLS `aws_lb_listener` uses an SSL policy that accepts TLS 1.0 or 1.1 (`ELBSecurityPolicy-2016-08`, `...-TLS-1-1-2017-01`, ...). A listener without `ssl_policy` is not reported: its default depends on the API and date it was created.',
    rationale:
      'TLS 1.0 and 1.1 are deprecated (RFC 8996), lack modern cipher suites and fail PCI DSS. Modern clients all speak TLS 1.2+, so a TLS 1.2/1.3 policy costs nothing. Medium.',
    remediation: 'Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (TLS 1.2 and 1.3).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_103', 'AWS-0047'],
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-2016-08"\n  certificate_arn   = aws_acm_certificate.web.arn\n}\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n  certificate_arn   = aws_acm_certificate.web.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lb-listener-tls-policy');
    for (const l of module.resourcesOf('aws_lb_listener', 'aws_alb_listener')) {
      const protocol = asString(l.value('protocol'));
      if (protocol !== 'HTTPS' && protocol !== 'TLS') continue;
      const a = l.attr('ssl_policy');
      if (!a) continue;
      const policy = asString(l.value('ssl_policy'));
      if (policy && WEAK.test(policy))
        reportOn(ctx, l, a, `Listener ${nameOf(l)} uses \`${policy}\`, which accepts TLS 1.0/1.1.`);
    }
  },
});
