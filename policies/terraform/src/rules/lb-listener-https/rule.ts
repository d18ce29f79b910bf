import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lb-listener-https',
  domain: terraformDomain,
  meta: {
    title: 'Load balancer serves plain HTTP',
    description:
      'An `aws_lb_listener` uses `protocol = "HTTP"` without redirecting to HTTPS, or a classic `aws_elb` listener uses `lb_protocol = "http"`.',
    rationale:
      'Plain HTTP exposes session cookies, tokens and form data to anyone on the path, and lets them modify responses. An HTTP listener should only redirect to HTTPS. High.',
    remediation:
      'Serve on HTTPS (port 443, an ACM certificate) and make the port 80 listener a `redirect` with `protocol = "HTTPS"` and `status_code = "HTTP_301"`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_2', 'AWS-0054'],
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lb-listener-https');
    for (const l of module.resourcesOf('aws_lb_listener', 'aws_alb_listener')) {
      if (asString(l.value('protocol')) !== 'HTTP') continue;
      const actions = l.blocks('default_action');
      const types = actions.map((a) => asString(a.value('type')));
      if (types.some((t) => t === undefined)) continue;
      const redirects = actions.every((a) => {
        if (asString(a.value('type')) === 'fixed-response') return true;
        if (asString(a.value('type')) !== 'redirect') return false;
        const p = a.blocks('redirect').map((r) => asString(r.value('protocol')));
        return p.every((x) => x !== 'HTTP');
      });
      if (actions.length > 0 && redirects) continue;
      reportOn(
        ctx,
        l,
        l.attr('protocol')!,
        `Listener ${nameOf(l)} serves plain HTTP without redirecting to HTTPS.`,
      );
    }
    for (const elb of module.resourcesOf('aws_elb')) {
      for (const listener of elb.blocks('listener')) {
        if (asString(listener.value('lb_protocol'))?.toLowerCase() === 'http') {
          reportOn(
            ctx,
            elb,
            listener.attr('lb_protocol')!,
            `Classic load balancer ${nameOf(elb)} has a plain HTTP listener.`,
          );
        }
      }
    }
  },
});
