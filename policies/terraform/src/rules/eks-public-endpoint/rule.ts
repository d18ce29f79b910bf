import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/eks-public-endpoint',
  domain: terraformDomain,
  meta: {
    title: 'EKS API endpoint is public',
    description:
      'An `aws_eks_cluster` leaves `vpc_config.endpoint_public_access` at its default `true` or sets it.',
    rationale:
      'A public Kubernetes API endpoint is one leaked kubeconfig or one API-server CVE away from cluster compromise. A private endpoint reached over VPN or from CI runners in the VPC removes that surface. Medium: authentication still applies, and `eks-public-cidr` covers the worst case.',
    remediation:
      'Set `endpoint_private_access = true` and `endpoint_public_access = false`; if the public endpoint must stay, restrict `public_access_cidrs`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_39', 'AWS-0040'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 13 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids              = var.private_subnets\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/eks-public-endpoint');
    for (const c of module.resourcesOf('aws_eks_cluster')) {
      for (const v of c.blocks('vpc_config')) {
        const a = v.attr('endpoint_public_access');
        if (!a)
          reportOn(
            ctx,
            c,
            v.headerLoc,
            `EKS cluster ${nameOf(c)} has a public API endpoint (\`endpoint_public_access\` defaults to true).`,
          );
        else if (asBool(v.value('endpoint_public_access')) === true)
          reportOn(ctx, c, a, `EKS cluster ${nameOf(c)} has a public API endpoint.`);
      }
    }
  },
});
