import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { isAccelerated, isTainted, nodeGroups } from '../../lib/eks.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-gpu-node-group-taint',
  domain: terraformDomain,
  meta: {
    title: 'GPU node group is not tainted',
    description:
      'A managed node group of GPU or accelerator instances (p*, g*, inf*, trn*, or a GPU/Neuron AMI type) has no `NO_SCHEDULE` (or `NO_EXECUTE`) taint.',
    rationale:
      'Without a taint the scheduler places ordinary pods on the expensive GPU nodes: they then cannot scale down, and GPU jobs wait for capacity that web pods are using. Tainting the group (and tolerating it in GPU workloads) keeps them dedicated. Medium: cost and capacity.',
    remediation:
      'Add `taints = [{ key = "nvidia.com/gpu", value = "true", effect = "NO_SCHEDULE" }]` (or a `taint` block) and a matching toleration in GPU workloads.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/node-taints-managed-node-groups.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n  eks_managed_node_groups = {\n    gpu = {\n      instance_types = ["g4dn.xlarge"]\n      min_size       = 0\n    }\n  }\n}\n',
          errors: [{ line: 5, column: 5, endLine: 5, endColumn: 8 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n  eks_managed_node_groups = {\n    gpu = {\n      instance_types = ["g4dn.xlarge"]\n      min_size       = 0\n      taints = [{\n        key    = "nvidia.com/gpu"\n        value  = "true"\n        effect = "NO_SCHEDULE"\n      }]\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const g of nodeGroups(module)) {
      if (isAccelerated(g) !== true || isTainted(g) !== false) continue;
      reportOnce(ctx, module, {
        at: g.at,
        message: `GPU node group \`${g.name}\` of \`${g.resource}\` has no NO_SCHEDULE taint: any pod can land on it.`,
        resource: g.resource,
        evidence: g.name,
        container: g.container,
      });
    }
  },
});
