import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { forbidTrue } from '../../lib/checks.js';
import { nameOf } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/subnet-public-ip-on-launch',
  domain: terraformDomain,
  meta: {
    title: 'Subnet gives every instance a public IP address',
    description: 'An `aws_subnet` sets `map_public_ip_on_launch = true`.',
    rationale:
      'Every instance, ECS task or node launched into the subnet becomes reachable from the internet unless its security groups say otherwise, including ones whose authors never meant them to be public. Load balancers and NAT gateways in public subnets do not need it. Low: it takes a permissive security group as well, and some single-tier setups rely on it.',
    remediation:
      'Set `map_public_ip_on_launch = false` (the default) and give the few hosts that must be public an Elastic IP or `associate_public_ip_address` explicitly.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['AWS-0164'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_subnet" "public_a" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = true\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_subnet" "public_a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.0.0/24"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const s of module.resourcesOf('aws_subnet'))
      forbidTrue(
        ctx,
        s,
        s,
        'map_public_ip_on_launch',
        `Subnet ${nameOf(s)} gives every instance a public IP address.`,
      );
  },
});
