import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { DEPRECATED_RUNTIMES } from '../../lib/lambda-runtimes.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lambda-deprecated-runtime',
  domain: terraformDomain,
  meta: {
    title: 'Lambda function uses a deprecated runtime',
    description:
      'An `aws_lambda_function` sets a `runtime` that AWS has deprecated (for example `python3.8`, `nodejs18.x`, `go1.x`, `java8` on Amazon Linux 1, `dotnet6`).',
    rationale:
      'A deprecated runtime no longer gets security patches for the language or the OS image, and AWS blocks creating and then updating such functions some months later, which turns a routine deploy into an emergency migration. Medium.',
    remediation:
      'Move to a supported runtime (`python3.13`, `nodejs22.x`, `java21`, `dotnet8`, `provided.al2023` for Go and custom runtimes) and redeploy.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_363'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  runtime       = "python3.8"\n  handler       = "app.handler"\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  runtime       = "python3.13"\n  handler       = "app.handler"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lambda-deprecated-runtime');
    for (const f of module.resourcesOf('aws_lambda_function', 'aws_lambda_layer_version')) {
      const attr = f.resourceType === 'aws_lambda_function' ? 'runtime' : 'compatible_runtimes';
      const a = f.attr(attr);
      if (!a) continue;
      const v = f.value(attr);
      const runtimes = (Array.isArray(v) ? v : [v]).map((x) => asString(x)).filter((x) => x !== undefined);
      const old = runtimes.filter((r) => DEPRECATED_RUNTIMES.has(r));
      // A layer listing old runtimes next to current ones is compatible, not stuck.
      if (old.length === 0 || (attr === 'compatible_runtimes' && old.length < runtimes.length)) continue;
      reportOn(
        ctx,
        f,
        a,
        `${nameOf(f)} uses the deprecated runtime ${old.map((r) => `\`${r}\``).join(', ')}.`,
      );
    }
  },
});
