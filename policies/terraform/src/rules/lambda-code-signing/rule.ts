import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lambda-code-signing',
  domain: terraformDomain,
  meta: {
    title: 'Lambda function does not enforce code signing',
    description:
      'An `aws_lambda_function` deployed from a `.zip` package has no `code_signing_config_arn`. Container-image functions, which code signing does not apply to, are not reported.',
    rationale:
      'With a code signing configuration Lambda refuses packages not signed by your AWS Signer profile, so a stolen deploy credential or a tampered artifact bucket cannot push arbitrary code. It needs a signing step in the pipeline, so this is low with low confidence.',
    remediation:
      'Create an `aws_signer_signing_profile` and an `aws_lambda_code_signing_config` with `untrusted_artifact_on_deployment = "Enforce"`, sign packages in CI, and set `code_signing_config_arn`.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'low',
    aliases: ['CKV_AWS_272'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = aws_iam_role.api.arn\n  s3_bucket     = "artifacts-prod"\n  s3_key        = "api/1.4.2.zip"\n  runtime       = "nodejs22.x"\n  handler       = "index.handler"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "api" {\n  function_name           = "api"\n  role                    = aws_iam_role.api.arn\n  s3_bucket               = "artifacts-prod"\n  s3_key                  = "api/1.4.2.zip"\n  runtime                 = "nodejs22.x"\n  handler                 = "index.handler"\n  code_signing_config_arn = aws_lambda_code_signing_config.prod.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lambda-code-signing');
    for (const f of module.resourcesOf('aws_lambda_function')) {
      if (f.has('code_signing_config_arn') || f.has('image_uri')) continue;
      if (f.has('package_type') && asString(f.value('package_type')) !== 'Zip') continue;
      reportOn(ctx, f, f.headerLoc, `Lambda function ${nameOf(f)} does not enforce code signing.`);
    }
  },
});
