import { defineRule } from '@plumbline/core';
import { isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Resources that adopt the default VPC's own parts to lock them down, not to run workloads. */
const LOCKDOWN = new Set([
  'aws_default_security_group',
  'aws_default_network_acl',
  'aws_default_route_table',
  'aws_flow_log',
  'aws_vpc_dhcp_options_association',
]);

export default defineRule({
  id: 'terraform/default-vpc-used',
  domain: terraformDomain,
  meta: {
    title: 'Resources are placed in the default VPC',
    description:
      'The module adopts the region’s default VPC (`aws_default_vpc`) and places resources in it: a resource’s `vpc_id` refers to it, or the module uses `aws_default_subnet`s. Adopting it only to lock it down (tags, an emptied default security group, flow logs) is not reported.',
    rationale:
      'The default VPC has only public subnets that hand out public IP addresses, an internet gateway and permissive defaults; it is not designed, reviewed or logged like a VPC you build, so workloads placed in it are exposed by default. Low: security groups still decide what is reachable.',
    remediation:
      'Create a dedicated `aws_vpc` with private subnets for workloads, and leave the default VPC unused (or delete it).',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['AWS-0101'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_default_vpc" "default" {\n  tags = { Name = "Default VPC" }\n}\nresource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = aws_default_vpc.default.id\n}\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 38 }],
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
    const vpcs = module.resourcesOf('aws_default_vpc');
    if (vpcs.length === 0) return;
    for (const s of module.resourcesOf('aws_default_subnet'))
      reportOn(ctx, s, s.headerLoc, `${nameOf(s)} places resources in a default subnet of the default VPC.`);
    const addresses = new Set(vpcs.map((v) => v.localAddress));
    for (const r of module.resources) {
      if (LOCKDOWN.has(r.resourceType) || !r.exists) continue;
      const a = r.attr('vpc_id');
      const v = r.value('vpc_id');
      if (a && isUnknown(v) && v.ref && addresses.has(v.ref.address))
        reportOn(
          ctx,
          r,
          a,
          `${nameOf(r)} is placed in the default VPC; build a dedicated VPC for workloads.`,
        );
    }
  },
});
