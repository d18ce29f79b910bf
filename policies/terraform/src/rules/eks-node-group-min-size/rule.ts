import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { isTainted, nodeGroups } from '../../lib/eks.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-node-group-min-size',
  domain: terraformDomain,
  meta: {
    title: 'EKS node group runs a single node',
    description:
      "A managed node group (`aws_eks_node_group`, or an entry of `eks_managed_node_groups` of the terraform-aws-modules EKS module) runs fewer than 2 nodes: `desired_size` below 2 (the module defaults it to 1), or `min_size` below 2 when `lifecycle.ignore_changes` hands `desired_size` to an autoscaler. `min_size` alone is the autoscaler's floor, not the node count. Tainted groups, which only run workloads that opt in (GPU, batch), are not reported.",
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
          code: 'resource "aws_eks_node_group" "general" {\n  cluster_name  = aws_eks_cluster.main.name\n  node_role_arn = aws_iam_role.node.arn\n  subnet_ids    = var.private_subnets\n  scaling_config {\n    min_size     = 1\n    max_size     = 5\n    desired_size = 1\n  }\n}\n',
          errors: [{ line: 8, column: 5, endLine: 8, endColumn: 21 }],
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
      if (isTainted(g) !== false) continue;
      // Without an autoscaler AWS keeps `desired_size` nodes; `min_size` is only the autoscaler's
      // floor, so it is the count only when the configuration hands desired_size to one.
      const count = g.autoscaled ? g.minSize : g.desiredSize;
      if (!count || count.value === undefined || count.value >= 2) continue;
      // AWS refuses a desired size below the minimum: a floor of 2 means 2 nodes at least.
      if (!g.autoscaled && (g.minSize?.value === undefined ? !!g.minSize : g.minSize.value >= 2)) continue;
      const what = g.autoscaled
        ? `\`min_size = ${count.value}\` and leaves \`desired_size\` to an autoscaler`
        : g.desiredSize?.written
          ? `\`desired_size = ${count.value}\``
          : `\`desired_size\` at the module's default of ${count.value}`;
      reportOnce(ctx, module, {
        at: count.loc,
        message: `Node group \`${g.name}\` of \`${g.resource}\` runs ${what}: one node failure takes its pods down.`,
        resource: g.resource,
        evidence: `${g.name}:${count.value}`,
        container: g.container,
      });
    }
  },
});
