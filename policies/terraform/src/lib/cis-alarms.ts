import { defineRule, type Rule } from '@plumbline/core';
import { asString, type TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../domain.js';
import { nameOf, reportOn } from './report.js';

/** One CIS "log metric filter and alarm" control. */
export interface CisAlarm {
  id: string;
  alias: string;
  /** What the alarm watches, for titles and messages ("root account usage"). */
  what: string;
  /** A metric filter pattern watches it when it mentions one of these event names or fields. */
  anyOf: string[];
  /** ...and all of these. */
  allOf?: string[];
  why: string;
  /** A pattern that satisfies the control, for the docs example. */
  example: string;
}

/**
 * A module whose CloudTrail trail sends events to CloudWatch Logs (`cloud_watch_logs_group_arn`)
 * is the account's audit stack: CIS asks it to alarm on a set of events. A metric filter whose
 * pattern matches the control, with an alarm on its metric, satisfies it; a pattern or metric
 * name that cannot be known counts as satisfying it (unknown never fires). Modules without such
 * a trail are not reported: the alarms may live with the trail elsewhere.
 */
export function cisAlarmRule(control: CisAlarm): Rule<TfModule> {
  const example = (pattern: string, alarm: boolean) =>
    `resource "aws_cloudtrail" "main" {\n  name                       = "org-trail"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  is_multi_region_trail      = true\n  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn\n}\nresource "aws_cloudwatch_log_metric_filter" "watch" {\n  name           = "cis-watch"\n  log_group_name = aws_cloudwatch_log_group.trail.name\n  pattern        = ${JSON.stringify(pattern)}\n  metric_transformation {\n    name      = "CisWatch"\n    namespace = "CISBenchmark"\n    value     = "1"\n  }\n}\n${
      alarm
        ? 'resource "aws_cloudwatch_metric_alarm" "watch" {\n  alarm_name          = "cis-watch"\n  metric_name         = "CisWatch"\n  namespace           = "CISBenchmark"\n  statistic           = "Sum"\n  period              = 300\n  evaluation_periods  = 1\n  threshold           = 1\n  comparison_operator = "GreaterThanOrEqualToThreshold"\n  alarm_actions       = [aws_sns_topic.security.arn]\n}\n'
        : ''
    }`;
  return defineRule({
    id: `terraform/${control.id}`,
    domain: terraformDomain,
    meta: {
      title: `No CloudWatch alarm on ${control.what}`,
      description: `A module whose \`aws_cloudtrail\` sends events to CloudWatch Logs has no \`aws_cloudwatch_log_metric_filter\` for ${control.what} with an \`aws_cloudwatch_metric_alarm\` on its metric. Reported at the trail.`,
      rationale: `${control.why} CIS AWS Foundations asks for a metric filter and alarm on it. Low: it is detection, not prevention, and teams using GuardDuty, Security Hub or a SIEM on the trail may cover it there (suppress the rule then).`,
      remediation: `Add a metric filter on the trail's log group whose pattern matches ${control.what} (for example \`${control.example}\`) and a metric alarm on its metric that notifies your security topic.`,
      category: 'security',
      severity: 'low',
      confidence: 'medium',
      aliases: [control.alias],
      references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html'],
      examples: {
        invalid: [
          {
            filename: 'audit.tf',
            code: example('{ $.eventSource = "example.amazonaws.com" }', true),
            errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
          },
        ],
        valid: [{ filename: 'audit.tf', code: example(control.example, true) }],
      },
    },
    check(module, ctx) {
      const trails = module.resourcesOf('aws_cloudtrail').filter((t) => t.has('cloud_watch_logs_group_arn'));
      if (trails.length === 0) return;
      const alarms = module.resourcesOf('aws_cloudwatch_metric_alarm').map((a) => a.value('metric_name'));
      const watched = module.resourcesOf('aws_cloudwatch_log_metric_filter').some((f) => {
        const pattern = asString(f.value('pattern'));
        if (pattern === undefined) return true;
        const matches =
          control.anyOf.some((t) => pattern.includes(t)) &&
          (control.allOf ?? []).every((t) => pattern.includes(t));
        if (!matches) return false;
        const metrics = f.blocks('metric_transformation').map((m) => asString(m.value('name')));
        return alarms.some((name) => {
          const n = asString(name);
          return n === undefined || metrics.length === 0 || metrics.some((m) => m === undefined || m === n);
        });
      });
      if (watched) return;
      for (const t of trails)
        reportOn(
          ctx,
          t,
          t.headerLoc,
          `No metric filter and alarm on ${control.what} for the events of ${nameOf(t)}.`,
        );
    },
  });
}
