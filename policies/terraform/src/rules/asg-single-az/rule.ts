import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/asg-single-az',
  domain: terraformDomain,
  meta: {
    title: 'Auto Scaling group uses a single availability zone',
    description:
      'An `aws_autoscaling_group` lists exactly one availability zone (`availability_zones`) or one subnet (`vpc_zone_identifier`).',
    rationale:
      'An AZ outage (or a capacity shortage of the instance type in that AZ) then takes the whole group down and it cannot replace instances elsewhere. Spreading over two or three AZs is free. Medium.',
    remediation: 'Give the group subnets in at least two availability zones.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_autoscaling_group" "web" {\n  min_size            = 2\n  max_size            = 4\n  vpc_zone_identifier = [aws_subnet.private_a.id]\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_autoscaling_group" "web" {\n  min_size            = 2\n  max_size            = 4\n  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_autoscaling_group')) {
      for (const attr of ['availability_zones', 'vpc_zone_identifier']) {
        const v = r.value(attr);
        if (Array.isArray(v) && v.length === 1)
          reportOn(
            ctx,
            r,
            r.attr(attr)!,
            `Auto Scaling group ${nameOf(r)} has a single ${attr === 'availability_zones' ? 'availability zone' : 'subnet'}.`,
          );
      }
    }
  },
});
