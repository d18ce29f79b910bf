import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ec2-instance-profile',
  domain: terraformDomain,
  meta: {
    title: 'EC2 instance has no IAM role',
    description: 'An `aws_instance` has no `iam_instance_profile`.',
    rationale:
      'Without a role, software on the instance that needs AWS access ends up with long-lived access keys in files or user data, and the instance cannot use SSM Session Manager or the CloudWatch agent. An instance profile gives short-lived, rotated credentials. Low.',
    remediation:
      'Create an `aws_iam_instance_profile` for a role with the permissions the instance needs (at least `AmazonSSMManagedInstanceCore`) and set `iam_instance_profile`.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV2_AWS_41'],
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = "t3.small"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami                  = data.aws_ami.al2023.id\n  instance_type        = "t3.small"\n  iam_instance_profile = aws_iam_instance_profile.app.name\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const i of module.resourcesOf('aws_instance')) {
      // A launch template may carry the profile.
      if (i.has('iam_instance_profile') || i.hasBlock('launch_template')) continue;
      reportOn(ctx, i, i.headerLoc, `Instance ${nameOf(i)} has no IAM role (instance profile).`);
    }
  },
});
