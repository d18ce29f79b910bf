import { defineRule } from '@plumbline/core';
import { isObject } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lambda-env-kms',
  domain: terraformDomain,
  meta: {
    title: 'Lambda environment variables are not encrypted with a customer-managed key',
    description:
      'An `aws_lambda_function` sets environment variables but no `kms_key_arn`, so they are encrypted with the AWS-managed Lambda key.',
    rationale:
      'Anyone allowed `lambda:GetFunctionConfiguration` reads environment variables in clear text when the AWS-managed key is used; a customer-managed key makes reading them also need `kms:Decrypt`. Secrets belong in Secrets Manager or SSM rather than in the environment at all. Low.',
    remediation:
      'Set `kms_key_arn = aws_kms_key.lambda.arn`, and move secrets out of the environment into Secrets Manager or SSM Parameter Store.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_173'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  environment {\n    variables = {\n      TABLE_NAME = aws_dynamodb_table.orders.name\n    }\n  }\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  kms_key_arn   = aws_kms_key.lambda.arn\n  environment {\n    variables = {\n      TABLE_NAME = aws_dynamodb_table.orders.name\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lambda-env-kms');
    for (const f of module.resourcesOf('aws_lambda_function')) {
      if (f.has('kms_key_arn')) continue;
      for (const env of f.blocks('environment')) {
        const vars = env.value('variables');
        // An empty map stores nothing; an unknown one may.
        if (vars === undefined || (isObject(vars) && Object.keys(vars).length === 0)) continue;
        reportOn(
          ctx,
          f,
          env.headerLoc,
          `Lambda function ${nameOf(f)} keeps environment variables under the AWS-managed key.`,
        );
      }
    }
  },
});
