import { inheritsFromSource } from '../../lib/rds.js';
import { isBurstableMicro } from '../../lib/rds-engines.js';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/rds-performance-insights',
  types: ['aws_db_instance', 'aws_rds_cluster_instance'],
  attr: 'performance_insights_enabled',
  skip: (r) =>
    isBurstableMicro(r) ||
    (r.resourceType === 'aws_db_instance' && inheritsFromSource(r) && !r.has('instance_class')),
  missing: (n) => `Database ${n} does not enable Performance Insights.`,
  off: (n) => `Database ${n} sets \`performance_insights_enabled = false\`.`,
  meta: {
    title: 'RDS instance has no Performance Insights',
    description:
      'An `aws_db_instance` or `aws_rds_cluster_instance` does not set `performance_insights_enabled = true`. `micro` and `small` burstable classes are not reported.',
    rationale:
      'Performance Insights keeps seven days of database load by query and wait event for free; without it, the first slow-query incident starts with no data about what the database was doing. Low: it helps diagnose, it does not prevent.',
    remediation:
      'Set `performance_insights_enabled = true` (and `performance_insights_kms_key_id` to a customer-managed key).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_353', 'AWS-0133'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier     = "orders"\n  engine         = "postgres"\n  instance_class = "db.m7g.large"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier                   = "orders"\n  engine                       = "postgres"\n  instance_class               = "db.m7g.large"\n  performance_insights_enabled = true\n}\n',
        },
      ],
    },
  },
});
