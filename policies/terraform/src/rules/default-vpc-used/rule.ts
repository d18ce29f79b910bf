import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/default-vpc-used',
  domain: terraformDomain,
  meta: {
    title: 'Configuration manages the default VPC',
    description:
      'The module declares an `aws_default_vpc`, which adopts the region’s default VPC so that workloads can be placed in it.',
    rationale:
      'The default VPC has only public subnets that hand out public IP addresses, an internet gateway and permissive defaults; it is not designed, reviewed or logged like a VPC you build. Low with low confidence: some stacks adopt it only to lock it down or to delete its rules.',
    remediation:
      'Create a dedicated `aws_vpc` with private subnets for workloads, and leave the default VPC unused (or delete it).',
    category: 'security',
    severity: 'low',
    confidence: 'low',
    aliases: ['AWS-0101'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_default_vpc" "default" {\n  tags = { Name = "Default VPC" }\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_vpc" "main" {\n  cidr_block           = "10.20.0.0/16"\n  enable_dns_hostnames = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const v of module.resourcesOf('aws_default_vpc'))
      reportOn(
        ctx,
        v,
        v.headerLoc,
        `${nameOf(v)} adopts the default VPC; build a dedicated VPC for workloads.`,
      );
  },
});
