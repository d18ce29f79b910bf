import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { opensToEveryone } from '../../lib/public-principal.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { resourcePolicies } from '../../lib/resource-policies.js';

export default defineRule({
  id: 'terraform/resource-policy-public-principal',
  domain: terraformDomain,
  meta: {
    title: 'Resource policy allows any principal',
    description:
      'The resource policy of an S3 bucket, SQS queue, SNS topic, ECR repository, Secrets Manager secret, KMS key, API Gateway REST API, EFS file system, Glacier vault, OpenSearch domain, EventBridge bus, DynamoDB table, Kinesis stream or Backup vault, or an `aws_lambda_permission`, has an `Allow` statement for `Principal: "*"` (or `AWS: "*"`) with no condition that narrows the caller. Conditions on the caller (`aws:PrincipalOrgID`, `aws:SourceArn`, `aws:SourceIp`, `aws:SourceVpce`, `kms:CallerAccount`, ...) make `*` safe; conditions on TLS, time, tags, headers or `aws:Referer` do not, and neither do negated operators (`StringNotEquals`). A `Deny` for everyone else in the same policy (`*` denied unless `aws:SourceVpce` is the endpoint, the usual private API Gateway policy) also makes the `Allow` safe. OpenSearch domains with fine-grained access control (`advanced_security_options`), which authenticate every request themselves, are not reported.',
    rationale:
      'A resource policy is evaluated for callers from any AWS account, and for S3 and API Gateway for anonymous callers too: an unconditioned `*` lets anyone read the bucket, the queue or the secret, pull the images, decrypt with the key or invoke the function. One rule for every service, on the same statement model as IAM policies, so the same policy gives the same answer whatever resource it is attached to. High.',
    remediation:
      'Name the principals (account ids, role ARNs, service principals), or keep `*` only together with a condition such as `aws:PrincipalOrgID`, `aws:SourceAccount` or `aws:SourceArn`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    // The last alias is this rule's former id (merged into it), so existing suppressions keep working.
    aliases: [
      'CKV_AWS_70',
      'CKV_AWS_168',
      'AWS-0032',
      'CKV_AWS_33',
      'CKV_AWS_283',
      'terraform/s3-bucket-policy-public-principal',
    ],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository_policy" "api" {\n  repository = aws_ecr_repository.api.name\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "pull"\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]\n    }]\n  })\n}\n',
          errors: [{ line: 8, column: 7, endLine: 8, endColumn: 22 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository_policy" "api" {\n  repository = aws_ecr_repository.api.name\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "pull-from-org"\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]\n      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, statements, authenticates } of resourcePolicies(module)) {
      if (authenticates) continue;
      for (const s of statements) {
        if (!opensToEveryone(s, statements)) continue;
        reportOn(
          ctx,
          owner,
          s.principalLoc ?? s.loc,
          `${nameOf(owner)} allows any principal (\`*\`) without a condition on the caller.`,
        );
      }
    }
  },
});
