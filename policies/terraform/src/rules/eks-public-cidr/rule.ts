import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { worldCidrs } from '../../lib/network.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-public-cidr',
  domain: terraformDomain,
  meta: {
    title: 'Public EKS endpoint is open to the whole internet',
    description:
      'An EKS cluster with a public endpoint leaves `public_access_cidrs` at its default `0.0.0.0/0` or sets it.',
    rationale:
      'With no CIDR restriction, anyone can reach the Kubernetes API server, probe it for vulnerabilities and try stolen credentials. Restricting it to office and CI egress ranges cuts that off. High.',
    remediation: 'Set `public_access_cidrs` to the ranges that need the API, or disable the public endpoint.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_38', 'AWS-0041'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids             = var.private_subnets\n    endpoint_public_access = true\n    public_access_cidrs    = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 7, column: 5, endLine: 7, endColumn: 43 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids             = var.private_subnets\n    endpoint_public_access = true\n    public_access_cidrs    = ["203.0.113.0/24"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/eks-public-cidr');
    for (const c of module.resourcesOf('aws_eks_cluster')) {
      for (const v of c.blocks('vpc_config')) {
        const pub = v.has('endpoint_public_access') ? asBool(v.value('endpoint_public_access')) : true;
        if (pub !== true) continue;
        const a = v.attr('public_access_cidrs');
        if (!a)
          reportOn(
            ctx,
            c,
            v.headerLoc,
            `EKS cluster ${nameOf(c)} has a public endpoint open to 0.0.0.0/0 (no \`public_access_cidrs\`).`,
          );
        else if (worldCidrs(v.value('public_access_cidrs')).length > 0)
          reportOn(ctx, c, a, `EKS cluster ${nameOf(c)} has a public endpoint open to 0.0.0.0/0.`);
      }
    }
  },
});
