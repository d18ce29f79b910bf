import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sagemaker-notebook-direct-internet',
  domain: terraformDomain,
  meta: {
    title: 'SageMaker notebook has direct internet access',
    description:
      'An `aws_sagemaker_notebook_instance` leaves `direct_internet_access` at its default `Enabled` or sets it, so the notebook reaches the internet outside your VPC.',
    rationale:
      'Notebooks run arbitrary code with the role’s access to training data; with direct internet access that data can be sent anywhere and packages come from anywhere, bypassing the VPC’s egress controls and logs. Medium.',
    remediation:
      'Set `direct_internet_access = "Disabled"` with `subnet_id` and `security_groups` in a VPC that reaches the internet (or a package mirror) through controlled egress.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sagemaker_notebook_instance" "research" {\n  name          = "research"\n  role_arn      = aws_iam_role.notebook.arn\n  instance_type = "ml.t3.medium"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 54 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sagemaker_notebook_instance" "research" {\n  name                   = "research"\n  role_arn               = aws_iam_role.notebook.arn\n  instance_type          = "ml.t3.medium"\n  subnet_id              = aws_subnet.private_a.id\n  security_groups        = [aws_security_group.notebook.id]\n  direct_internet_access = "Disabled"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const n of module.resourcesOf('aws_sagemaker_notebook_instance')) {
      const a = n.attr('direct_internet_access');
      if (!a)
        reportOn(ctx, n, n.headerLoc, `Notebook ${nameOf(n)} has direct internet access (the default).`);
      else if (asString(n.value('direct_internet_access')) === 'Enabled')
        reportOn(ctx, n, a, `Notebook ${nameOf(n)} has direct internet access.`);
    }
  },
});
