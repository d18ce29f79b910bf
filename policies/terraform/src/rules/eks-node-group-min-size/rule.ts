import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { isTainted, nodeGroups } from '../../lib/eks.js';

export default defineRule({
  id: 'terraform/eks-node-group-min-size',
  domain: terraformDomain,
  meta: {
    title: 'EKS node group can shrink to a single node',
    description:
      'A managed node group (`aws_eks_node_group`, or an entry of `eks_managed_node_groups` of the terraform-aws-modules EKS module) has `min_size` below 2. Tainted groups, which only run workloads that opt in (GPU, batch), are not reported.',
    rationale:
      'With one node, a node failure, an AMI update or a Spot interruption takes every pod of the group down at once, and PodDisruptionBudgets cannot be honoured during upgrades. Two nodes in different AZs is the minimum for a general-purpose group. Medium.',
    remediation:
      'Set `min_size = 2` or more (spread over subnets in different AZs), or taint the group if it is dedicated to workloads that tolerate scaling to zero.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: ['https://docs.aws.amazon.com/eks/latest/best-practices/reliability.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_node_group" "general" {\n  cluster_name  = aws_eks_cluster.main.name\n  node_role_arn = aws_iam_role.node.arn\n  subnet_ids    = var.private_subnets\n  scaling_config {\n    min_size     = 1\n    max_size     = 5\n    desired_size = 2\n  }\n}\n',
          errors: [{ line: 6, column: 5, endLine: 6, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_node_group" "general" {\n  cluster_name  = aws_eks_cluster.main.name\n  node_role_arn = aws_iam_role.node.arn\n  subnet_ids    = var.private_subnets\n  scaling_config {\n    min_size     = 2\n    max_size     = 5\n    desired_size = 3\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const g of nodeGroups(module)) {
      const min = g.minSize;
      if (!min || min.value === undefined || min.value >= 2) continue;
      if (isTainted(g) !== false) continue;
      ctx.report({
        at: min.loc,
        message: `Node group \`${g.name}\` of \`${g.resource}\` has \`min_size = ${min.value}\`: one node failure takes its pods down.`,
        resource: g.resource,
        evidence: `${g.name}:${min.value}`,
        container: g.container,
      });
    }
  },
});
