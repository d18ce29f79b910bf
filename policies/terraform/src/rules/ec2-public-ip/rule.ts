import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { forbidTrue } from '../../lib/checks.js';
import { nameOf } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ec2-public-ip',
  domain: terraformDomain,
  meta: {
    title: 'EC2 instance gets a public IP address',
    description:
      'An `aws_instance` or `aws_launch_configuration` sets `associate_public_ip_address = true`, or a `network_interfaces` block of an `aws_launch_template` does.',
    rationale:
      'A public address makes the instance reachable from the internet as soon as one security group rule allows it, and bypasses the load balancer, WAF and NAT egress controls in front of it. Bastions and some NAT instances need one, hence medium with medium confidence.',
    remediation:
      'Place instances in private subnets behind a load balancer, and reach them with SSM Session Manager; remove `associate_public_ip_address` or set it to `false`.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_88', 'AWS-0009'],
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami                         = data.aws_ami.al2023.id\n  instance_type               = "t3.small"\n  subnet_id                   = aws_subnet.public.id\n  associate_public_ip_address = true\n}\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami                         = data.aws_ami.al2023.id\n  instance_type               = "t3.small"\n  subnet_id                   = aws_subnet.private.id\n  associate_public_ip_address = false\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_instance', 'aws_launch_configuration'))
      forbidTrue(ctx, r, r, 'associate_public_ip_address', `${nameOf(r)} gets a public IP address.`);
    for (const t of module.resourcesOf('aws_launch_template'))
      for (const ni of t.blocks('network_interfaces'))
        forbidTrue(
          ctx,
          t,
          ni,
          'associate_public_ip_address',
          `Launch template ${nameOf(t)} gives instances a public IP address.`,
        );
  },
});
