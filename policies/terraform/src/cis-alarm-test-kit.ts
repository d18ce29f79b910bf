/** The CloudTrail → log group → metric filter → alarm chain that the CIS CloudWatch alarm rules look for, for their tests. */
export const trail =
  'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n}\n';
export const filter = (pattern: string, metric = 'Watched') =>
  `resource "aws_cloudwatch_log_metric_filter" "f" {\n  name           = "f"\n  log_group_name = aws_cloudwatch_log_group.trail.name\n  pattern        = ${JSON.stringify(pattern)}\n  metric_transformation {\n    name      = "${metric}"\n    namespace = "CIS"\n    value     = "1"\n  }\n}\n`;
export const alarm =
  'resource "aws_cloudwatch_metric_alarm" "a" {\n  alarm_name  = "a"\n  metric_name = "Watched"\n  namespace   = "CIS"\n  threshold   = 1\n}\n';
