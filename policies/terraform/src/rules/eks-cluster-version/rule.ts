import { defineRule } from '@plumbline/core';
import { asString, type TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { reportOnce } from '../../lib/report.js';

interface Options {
  minimumVersion: string;
}

const EKS_MODULE = /^(registry\.terraform\.io\/)?terraform-aws-modules\/eks\/aws(\/\/.*)?$/;

function older(version: string, minimum: string): boolean {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = minimum.split('.').map(Number);
  if ([a, b, c, d].some((n) => n === undefined || Number.isNaN(n))) return false;
  return a! < c! || (a === c && b! < d!);
}

export default defineRule<TfModule, Options>({
  id: 'terraform/eks-cluster-version',
  domain: terraformDomain,
  meta: {
    title: 'EKS cluster runs an old Kubernetes version',
    description:
      'An `aws_eks_cluster` (`version`) or the terraform-aws-modules EKS module (`cluster_version`, `kubernetes_version`) asks for a Kubernetes version older than `minimumVersion` (default 1.32: versions before it are out of standard support as of late 2026).',
    rationale:
      'Out of standard support, EKS charges extended-support fees (six times the control-plane price) and then force-upgrades the cluster; security fixes stop for versions past extended support. Upgrading one minor at a time takes planning, so it should be visible early. Medium.',
    remediation:
      'Plan the upgrade path one minor version at a time (check deprecated APIs with `kubectl convert`/pluto), and raise `minimumVersion` as AWS retires versions.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_339'],
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html'],
    options: {
      schema: {
        type: 'object',
        properties: { minimumVersion: { type: 'string', pattern: '^\\d+\\.\\d+$' } },
        additionalProperties: false,
      },
      defaults: { minimumVersion: '1.32' },
    },
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  version  = "1.29"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_eks_cluster" "main" {\n  name     = "prod"\n  version  = "1.33"\n  role_arn = aws_iam_role.cluster.arn\n  vpc_config {\n    subnet_ids = var.private_subnets\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const min = ctx.options.minimumVersion;
    const targets: { view: import('@plumbline/lang-hcl').BlockView; attr: string; resource: string }[] = [];
    for (const c of module.resourcesOf('aws_eks_cluster'))
      targets.push({ view: c, attr: 'version', resource: c.address });
    for (const call of module.moduleCalls) {
      if (!call.source || !EKS_MODULE.test(call.source) || module.evaluatesDownloaded(call)) continue;
      for (const attr of ['cluster_version', 'kubernetes_version'])
        targets.push({ view: call.view, attr, resource: `module.${call.name}` });
    }
    for (const { view, attr, resource } of targets) {
      const a = view.attr(attr);
      const v = asString(view.value(attr));
      if (!a || v === undefined || !older(v, min)) continue;
      reportOnce(ctx, module, {
        at: a,
        message: `\`${resource}\` runs Kubernetes ${v}, older than ${min}.`,
        resource,
        container: view.loc,
      });
    }
  },
});
