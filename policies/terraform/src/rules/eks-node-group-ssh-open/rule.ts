import { defineRule } from '@plumbline/core';
import { asList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-node-group-ssh-open',
  domain: terraformDomain,
  meta: {
    title: 'EKS node group opens SSH to the internet',
    description:
      'An `aws_eks_node_group` has a `remote_access` block with an `ec2_ssh_key` but no `source_security_group_ids`, in which case EKS opens port 22 on the nodes to `0.0.0.0/0`.',
    rationale:
      'With a key and no source groups, EKS creates a security group rule allowing SSH from anywhere on every node of the group; the nodes hold kubelet credentials and pod secrets, so a leaked or weak key is a cluster compromise. High.',
    remediation:
      'Set `source_security_group_ids` to a bastion or VPN security group, or drop `remote_access` and use SSM Session Manager on the nodes.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_100'],
    references: ['https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_node_group" "general" {\n  cluster_name  = aws_eks_cluster.main.name\n  node_role_arn = aws_iam_role.node.arn\n  subnet_ids    = var.private_subnet_ids\n  remote_access {\n    ec2_ssh_key = "ops"\n  }\n  scaling_config {\n    desired_size = 3\n    max_size     = 6\n    min_size     = 3\n  }\n}\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_node_group" "general" {\n  cluster_name  = aws_eks_cluster.main.name\n  node_role_arn = aws_iam_role.node.arn\n  subnet_ids    = var.private_subnet_ids\n  remote_access {\n    ec2_ssh_key               = "ops"\n    source_security_group_ids = [aws_security_group.bastion.id]\n  }\n  scaling_config {\n    desired_size = 3\n    max_size     = 6\n    min_size     = 3\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const g of module.resourcesOf('aws_eks_node_group')) {
      for (const ra of g.blocks('remote_access')) {
        if (ra.uncertain || !ra.has('ec2_ssh_key')) continue;
        const sources = ra.attr('source_security_group_ids');
        if (sources && asList(ra.value('source_security_group_ids'))?.length !== 0) continue;
        reportOn(
          ctx,
          g,
          sources ?? ra.headerLoc,
          `Node group ${nameOf(g)} allows SSH from anywhere (no source security groups).`,
        );
      }
    }
  },
});
