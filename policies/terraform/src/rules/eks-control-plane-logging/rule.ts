import { defineRule } from '@plumbline/core';
import { stringList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

const REQUIRED = ['api', 'audit', 'authenticator'];

export default defineRule({
  id: 'terraform/eks-control-plane-logging',
  domain: terraformDomain,
  meta: {
    title: 'EKS control-plane audit logging is off',
    description:
      'An `aws_eks_cluster` does not send the `api`, `audit` and `authenticator` control-plane logs to CloudWatch (`enabled_cluster_log_types`).',
    rationale:
      'The Kubernetes audit log is the only record of who read which Secret or created which pod; without it a cluster compromise cannot be investigated. Medium: a detection gap.',
    remediation:
      'Set `enabled_cluster_log_types = ["api", "audit", "authenticator"]` (add `controllerManager` and `scheduler` if you need them) and a retention on the log group.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_37', 'AWS-0038'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name                      = "prod"\n  role_arn                  = aws_iam_role.cluster.arn\n  enabled_cluster_log_types = ["api"]\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name                      = "prod"\n  role_arn                  = aws_iam_role.cluster.arn\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/eks-control-plane-logging');
    for (const c of module.resourcesOf('aws_eks_cluster')) {
      const a = c.attr('enabled_cluster_log_types');
      if (!a) {
        reportOn(
          ctx,
          c,
          c.headerLoc,
          `EKS cluster ${nameOf(c)} sends no control-plane logs (\`enabled_cluster_log_types\` is unset).`,
        );
        continue;
      }
      const list = stringList(c.value('enabled_cluster_log_types'));
      if (!list || list.unknown) continue;
      const missing = REQUIRED.filter((t) => !list.values.includes(t));
      if (missing.length > 0)
        reportOn(
          ctx,
          c,
          a,
          `EKS cluster ${nameOf(c)} does not log ${missing.map((m) => `\`${m}\``).join(', ')}.`,
        );
    }
  },
});
