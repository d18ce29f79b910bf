import { defineRule } from '@plumbline/core';
import { asBool, isUnknown, type TfModule, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { allowsEveryone, policyStatements } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Resource policies other than S3 bucket policies (`terraform/s3-bucket-policy-public-principal`). */
const POLICY_ATTRIBUTES: [type: string, attr: string][] = [
  ['aws_sqs_queue_policy', 'policy'],
  ['aws_sqs_queue', 'policy'],
  ['aws_sns_topic_policy', 'policy'],
  ['aws_sns_topic', 'policy'],
  ['aws_ecr_repository_policy', 'policy'],
  ['aws_secretsmanager_secret_policy', 'policy'],
  ['aws_secretsmanager_secret', 'policy'],
  ['aws_kms_key', 'policy'],
  ['aws_kms_key_policy', 'policy'],
  ['aws_efs_file_system_policy', 'policy'],
  ['aws_glacier_vault', 'access_policy'],
  ['aws_opensearch_domain_policy', 'access_policies'],
  ['aws_opensearch_domain', 'access_policies'],
  ['aws_elasticsearch_domain_policy', 'access_policies'],
  ['aws_elasticsearch_domain', 'access_policies'],
];

const SEARCH_DOMAINS = new Set(['aws_opensearch_domain', 'aws_elasticsearch_domain']);

/**
 * OpenSearch with fine-grained access control authenticates every request itself, and AWS
 * recommends an open domain policy with it; a policy resource whose domain cannot be found is
 * treated the same way (unknown never fires).
 */
function searchDomainAuthenticates(module: TfModule, r: TfResource): boolean {
  let domain: TfResource | undefined = r;
  if (!SEARCH_DOMAINS.has(r.resourceType)) {
    if (!r.resourceType.endsWith('_domain_policy')) return false;
    const target = r.value('domain_name');
    const address = isUnknown(target) ? target.ref?.address : undefined;
    domain = address ? module.byAddress(address) : undefined;
    if (!domain) return true;
  }
  return domain.blocks('advanced_security_options').some((o) => asBool(o.value('enabled')) !== false);
}

export default defineRule({
  id: 'terraform/resource-policy-public-principal',
  domain: terraformDomain,
  meta: {
    title: 'Resource policy allows any principal',
    description:
      'The resource policy of an SQS queue, SNS topic, ECR repository, Secrets Manager secret, KMS key, EFS file system, Glacier vault or OpenSearch domain has an `Allow` statement for `Principal: "*"` (or `AWS: "*"`) with no `Condition`. OpenSearch domains with fine-grained access control (`advanced_security_options`), which authenticate every request themselves, are not reported. S3 bucket policies are checked by `terraform/s3-bucket-policy-public-principal`.',
    rationale:
      'A resource policy is evaluated for callers from any AWS account: an unconditioned `*` lets anyone with an AWS account read the queue, pull the images, decrypt with the key or read the secret. Conditions (`aws:PrincipalOrgID`, `aws:SourceArn`, `kms:CallerAccount`) are what make `*` safe, so statements with one are not reported. High.',
    remediation:
      'Name the principals (account ids, role ARNs, service principals), or keep `*` only together with a condition such as `aws:PrincipalOrgID`, `aws:SourceAccount` or `aws:SourceArn`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_168', 'AWS-0032', 'CKV_AWS_33', 'CKV_AWS_283'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
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
    for (const [type, attr] of POLICY_ATTRIBUTES) {
      for (const r of module.resourcesOf(type)) {
        if (searchDomainAuthenticates(module, r)) continue;
        for (const s of policyStatements(r, attr)) {
          if (s.effect !== 'Allow' || !allowsEveryone(s) || s.conditions.length > 0 || s.conditionsUnknown)
            continue;
          reportOn(
            ctx,
            r,
            s.principalLoc ?? s.loc,
            `${nameOf(r)} allows any principal (\`*\`) without a condition.`,
          );
        }
      }
    }
  },
});
