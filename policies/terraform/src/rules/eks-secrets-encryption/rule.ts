import { defineRule } from '@plumbline/core';
import { stringList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-secrets-encryption',
  domain: terraformDomain,
  meta: {
    title: 'EKS secrets are not encrypted with a KMS key',
    description: 'An `aws_eks_cluster` has no `encryption_config` with `resources = ["secrets"]`.',
    rationale:
      'Without envelope encryption, Kubernetes Secrets sit in etcd protected only by the disk encryption AWS manages; a KMS key adds access control and an audit trail for every decryption. Medium. (EKS 1.28+ encrypts with an AWS-owned key by default, which gives no control or audit.)',
    remediation:
      'Add `encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_58', 'AWS-0039'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/eks-secrets-encryption');
    for (const c of module.resourcesOf('aws_eks_cluster')) {
      const configs = c.blocks('encryption_config');
      if (configs.length === 0) {
        reportOn(ctx, c, c.headerLoc, `EKS cluster ${nameOf(c)} does not encrypt secrets with a KMS key.`);
        continue;
      }
      const known = configs.map((e) => stringList(e.value('resources')));
      if (known.some((k) => !k || k.unknown || k.values.includes('secrets'))) continue;
      reportOn(
        ctx,
        c,
        configs[0]!.attr('resources') ?? configs[0]!.headerLoc,
        `EKS cluster ${nameOf(c)} has an \`encryption_config\` that does not cover secrets.`,
      );
    }
  },
});
