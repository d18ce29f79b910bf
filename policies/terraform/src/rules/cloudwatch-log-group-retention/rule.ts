import { defineRule } from '@plumbline/core';
import { asNumber } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudwatch-log-group-retention',
  domain: terraformDomain,
  meta: {
    title: 'CloudWatch log group keeps logs forever',
    description: 'An `aws_cloudwatch_log_group` has no `retention_in_days`, or sets it to 0 (never expire).',
    rationale:
      'Logs kept forever grow a bill nobody looks at and keep personal data longer than most privacy policies allow; an explicit retention is also the documented decision auditors ask for. Low.',
    remediation:
      'Set `retention_in_days` to what your policy requires (for example 30 for application logs, 365 or more for audit logs).',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudwatch_log_group" "api" {\n  name = "/ecs/api"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 42 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/ecs/api"\n  retention_in_days = 30\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/cloudwatch-log-group-retention');
    for (const g of module.resourcesOf('aws_cloudwatch_log_group')) {
      const a = g.attr('retention_in_days');
      if (!a)
        reportOn(
          ctx,
          g,
          g.headerLoc,
          `Log group ${nameOf(g)} keeps logs forever (no \`retention_in_days\`).`,
        );
      else if (asNumber(g.value('retention_in_days')) === 0)
        reportOn(ctx, g, a, `Log group ${nameOf(g)} keeps logs forever (\`retention_in_days = 0\`).`);
    }
  },
});
