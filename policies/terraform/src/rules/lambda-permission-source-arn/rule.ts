import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { lambdaPermissionStatement } from '../../lib/resource-policies.js';

export default defineRule({
  id: 'terraform/lambda-permission-source-arn',
  domain: terraformDomain,
  meta: {
    title: 'Lambda permission lets any resource of a service invoke the function',
    description:
      'An `aws_lambda_permission` grants a service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, `apigateway.amazonaws.com`, ...) the right to invoke, with no `source_arn`, `source_account` or `principal_org_id`. A permission for `*` is reported by `terraform/resource-policy-public-principal`, which reads Lambda permissions as statements of the function’s resource policy.',
    rationale:
      'A service principal stands for that service acting on behalf of any customer: without `source_arn`, a bucket, topic or API in someone else’s account can be pointed at your function and invoke it with crafted events (the confused-deputy problem). High: it exposes the function to every AWS account.',
    remediation:
      'Set `source_arn` to the bucket, topic, rule or API stage that should call the function (and `source_account` for S3, whose ARNs carry no account).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['AWS-0067'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_permission" "from_s3" {\n  statement_id  = "AllowS3Invoke"\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.thumbnail.function_name\n  principal     = "s3.amazonaws.com"\n}\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_permission" "from_s3" {\n  statement_id   = "AllowS3Invoke"\n  action         = "lambda:InvokeFunction"\n  function_name  = aws_lambda_function.thumbnail.function_name\n  principal      = "s3.amazonaws.com"\n  source_arn     = aws_s3_bucket.uploads.arn\n  source_account = data.aws_caller_identity.current.account_id\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const p of module.resourcesOf('aws_lambda_permission')) {
      const s = lambdaPermissionStatement(p);
      const service = s.principals?.find((x) => x.type === 'Service');
      if (!service || !s.principalLoc || s.conditions.length > 0) continue;
      reportOn(
        ctx,
        p,
        s.principalLoc,
        `${nameOf(p)} lets any \`${service.values[0]}\` resource invoke the function (no \`source_arn\`).`,
      );
    }
  },
});
