import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import dropInvalidHeaders from '../rules/lb-drop-invalid-headers/rule.js';
import internetFacing from '../rules/lb-internet-facing/rule.js';
import listenerHttps from '../rules/lb-listener-https/rule.js';
import listenerTlsPolicy from '../rules/lb-listener-tls-policy/rule.js';
import healthCheck from '../rules/lb-target-group-health-check/rule.js';

/** A call of terraform-aws-modules/alb/aws as the module's examples write it. */
const alb = (version: string, args = '') =>
  `module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "${version}"\n\n  name    = "web"\n  vpc_id  = module.vpc.vpc_id\n  subnets = module.vpc.public_subnets\n${args}}\n`;

const tester = new RuleTester([hclLanguage]);

tester.run(dropInvalidHeaders, {
  valid: [
    { name: 'v9 drops invalid header fields by default', code: alb('~> 9.0') },
    { name: 'hardened v8 call', code: alb('~> 8.7', '  drop_invalid_header_fields = true\n') },
    { name: 'a range spanning v8 and v9 has no single default', code: alb('>= 8.0, < 10.0') },
    {
      name: 'a network load balancer does not parse HTTP',
      code: alb('~> 8.7', '  load_balancer_type = "network"\n'),
    },
  ],
  invalid: [
    {
      name: 'set to false, reported at the argument',
      code: alb('~> 9.0', '  drop_invalid_header_fields = false\n'),
      errors: [
        {
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 37,
          message: 'sets `drop_invalid_header_fields = false`',
        },
      ],
    },
    {
      name: 'v8 default, reported at the module block',
      code: alb('~> 8.7'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'default `false` (before v9.0.0)' }],
    },
  ],
});

tester.run(internetFacing, {
  valid: [{ name: 'hardened: an internal load balancer', code: alb('~> 9.0', '  internal = true\n') }],
  invalid: [
    {
      name: 'internal = false, reported at the argument',
      code: alb('~> 9.0', '  internal = false\n'),
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 19 }],
    },
    {
      name: 'left at the default, reported at the module block',
      code: alb('~> 9.0'),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          message: "leaves `internal` at the module's default `false`",
        },
      ],
    },
  ],
});

const v9Listeners = (http: string) =>
  `\n  listeners = {\n    http = {\n      port     = 80\n      protocol = "HTTP"\n${http}    }\n    https = {\n      port            = 443\n      protocol        = "HTTPS"\n      certificate_arn = module.acm.acm_certificate_arn\n      forward = {\n        target_group_key = "app"\n      }\n    }\n  }\n`;

const v8Listeners = (http: string, https = '') =>
  `\n  http_tcp_listeners = [\n    {\n      port        = 80\n      protocol    = "HTTP"\n${http}    }\n  ]\n\n  https_listeners = [\n    {\n      port               = 443\n      protocol           = "HTTPS"\n      certificate_arn    = module.acm.acm_certificate_arn\n      target_group_index = 0\n${https}    }\n  ]\n`;

const redirectV9 =
  '      redirect = {\n        port        = "443"\n        protocol    = "HTTPS"\n        status_code = "HTTP_301"\n      }\n';

tester.run(listenerHttps, {
  valid: [
    {
      name: 'hardened v9: the HTTP listener redirects to HTTPS',
      code: alb('~> 9.0', v9Listeners(redirectV9)),
    },
    {
      name: 'v9: a fixed response on HTTP',
      code: alb(
        '~> 9.0',
        v9Listeners(
          '      fixed_response = {\n        content_type = "text/plain"\n        status_code  = "404"\n      }\n',
        ),
      ),
    },
    {
      name: 'hardened v8: action_type = "redirect"',
      code: alb(
        '~> 8.7',
        v8Listeners(
          '      action_type = "redirect"\n      redirect = {\n        port        = "443"\n        protocol    = "HTTPS"\n        status_code = "HTTP_301"\n      }\n',
          '      ssl_policy         = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n',
        ),
      ),
    },
    {
      name: 'a TCP listener of a network load balancer',
      code: alb(
        '~> 9.0',
        '  load_balancer_type = "network"\n  listeners = {\n    tcp = {\n      port     = 6443\n      protocol = "TCP"\n    }\n  }\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'v9: an HTTP listener that forwards, reported at that listener',
      code: alb('~> 9.0', v9Listeners('      forward = {\n        target_group_key = "app"\n      }\n')),
      errors: [{ line: 10, column: 5, endLine: 16, endColumn: 6, message: 'sets `listeners["http"]`' }],
    },
    {
      name: 'v8: an HTTP listener that forwards to a target group',
      code: alb('~> 8.7', v8Listeners('      target_group_index = 0\n')),
      errors: [{ line: 10, column: 5, endLine: 14, endColumn: 6, message: 'sets `http_tcp_listeners[0]`' }],
    },
  ],
});

tester.run(listenerTlsPolicy, {
  valid: [
    {
      name: 'hardened v8: every HTTPS listener names a TLS 1.2+ policy',
      code: alb(
        '~> 8.7',
        v8Listeners(
          '      action_type = "redirect"\n',
          '      ssl_policy         = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n',
        ),
      ),
    },
    {
      name: 'hardened v8: a TLS 1.2 module default',
      code: alb(
        '~> 8.7',
        `${v8Listeners('      action_type = "redirect"\n')}  listener_ssl_policy_default = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n`,
      ),
    },
    { name: 'v8 without HTTPS listeners', code: alb('~> 8.7') },
    {
      name: 'v9 HTTPS listener with the module default policy',
      code: alb('~> 9.0', v9Listeners(redirectV9)),
    },
    {
      name: 'a range spanning v8 and v9 has no single default',
      code: alb('>= 8.0, < 10.0', v8Listeners('      action_type = "redirect"\n')),
    },
  ],
  invalid: [
    {
      name: 'v8 HTTPS listener without ssl_policy gets ELBSecurityPolicy-2016-08',
      code: alb('~> 8.7', v8Listeners('      action_type = "redirect"\n')),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          message:
            'leaves `listener_ssl_policy_default` at the module\'s default `"ELBSecurityPolicy-2016-08"` (before v9.0.0)',
        },
      ],
    },
    {
      name: 'v9 listener with a TLS 1.0 policy, reported at that listener',
      code: alb(
        '~> 9.0',
        '  listeners = {\n    https = {\n      port            = 443\n      protocol        = "HTTPS"\n      ssl_policy      = "ELBSecurityPolicy-2016-08"\n      certificate_arn = module.acm.acm_certificate_arn\n    }\n  }\n',
      ),
      errors: [{ line: 9, column: 5, endLine: 14, endColumn: 6, message: 'sets `listeners["https"]`' }],
    },
  ],
});

const targetGroups = (app: string) =>
  `\n  target_groups = {\n    app = {\n      name_prefix = "app-"\n      protocol    = "HTTP"\n      port        = 8080\n      target_type = "ip"\n${app}    }\n    fn = {\n      name_prefix = "fn-"\n      target_type = "lambda"\n      target_id   = module.lambda.lambda_function_arn\n    }\n  }\n`;

tester.run(healthCheck, {
  valid: [
    {
      name: 'hardened: a health check on the app, none on the Lambda target group',
      code: alb(
        '~> 9.0',
        targetGroups(
          '      health_check = {\n        path    = "/healthz"\n        matcher = "200"\n      }\n',
        ),
      ),
    },
    { name: 'no target groups', code: alb('~> 9.0') },
  ],
  invalid: [
    {
      name: 'v9 target group without a health check, reported at that target group',
      code: alb('~> 9.0', targetGroups('')),
      errors: [{ line: 10, column: 5, endLine: 15, endColumn: 6, message: 'sets `target_groups["app"]`' }],
    },
    {
      name: 'v8 target group that turns its health check off',
      code: alb(
        '~> 8.7',
        '\n  target_groups = [\n    {\n      name_prefix      = "app-"\n      backend_protocol = "HTTP"\n      backend_port     = 8080\n      target_type      = "instance"\n      health_check = {\n        enabled = false\n      }\n    }\n  ]\n',
      ),
      errors: [{ line: 10, column: 5, endLine: 18, endColumn: 6, message: 'sets `target_groups[0]`' }],
    },
  ],
});
