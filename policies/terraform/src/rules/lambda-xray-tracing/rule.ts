import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lambda-xray-tracing',
  domain: terraformDomain,
  meta: {
    title: 'Lambda function has no active X-Ray tracing',
    description: 'An `aws_lambda_function` has no `tracing_config { mode = "Active" }`.',
    rationale:
      'Without tracing, a slow or failing call through Lambda, queues and downstream services is hard to follow, and incident responders lose the request path. It costs per trace sampled. Low: observability, not exposure; teams using OpenTelemetry or another tracer can suppress it.',
    remediation:
      'Add `tracing_config { mode = "Active" }` and allow `xray:PutTraceSegments` in the function role (`AWSXRayDaemonWriteAccess`).',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_50', 'AWS-0066'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  runtime       = "python3.13"\n  handler       = "app.handler"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  tracing_config {\n    mode = "Active"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lambda-xray-tracing');
    for (const f of module.resourcesOf('aws_lambda_function')) {
      if (!f.hasBlock('tracing_config')) {
        reportOn(ctx, f, f.headerLoc, `Lambda function ${nameOf(f)} has no active X-Ray tracing.`);
        continue;
      }
      for (const t of f.blocks('tracing_config')) {
        const a = t.attr('mode');
        if (a && asString(t.value('mode')) === 'PassThrough')
          reportOn(ctx, f, a, `Lambda function ${nameOf(f)} only passes X-Ray traces through.`);
      }
    }
  },
});
