import { defineRule } from '@plumbline/core';
import { asList, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Filters that pin the image to a publisher or to exact ids, as `owners` would. */
const PINNING_FILTERS = new Set(['owner-id', 'owner-alias', 'image-id']);

export default defineRule({
  id: 'terraform/ami-owners',
  domain: terraformDomain,
  meta: {
    title: 'AMI lookup does not restrict the owner',
    description:
      'A `data "aws_ami"` has no `owners` (or an empty list) and no `owner-id`, `owner-alias` or `image-id` filter.',
    rationale:
      'Without an owner, the lookup searches every public AMI: anyone can publish an image whose name matches the filter (`ubuntu/images/*`), and with `most_recent = true` the newest one wins, so an attacker’s image can end up on your instances (AMI name confusion). Medium.',
    remediation:
      'Set `owners` to the publisher’s account id or alias (`["amazon"]`, `["099720109477"]` for Canonical, your own account id).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['AWS-0344'],
    references: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'data "aws_ami" "ubuntu" {\n  most_recent = true\n  filter {\n    name   = "name"\n    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]\n  }\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'data "aws_ami" "ubuntu" {\n  most_recent = true\n  owners      = ["099720109477"]\n  filter {\n    name   = "name"\n    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const d of module.dataOf('aws_ami')) {
      const owners = d.attr('owners');
      if (owners) {
        const list = asList(d.value('owners'));
        if (list === undefined || list.length > 0) continue;
      }
      const filters = d.blocks('filter');
      if (d.block.blocks.some((b) => b.type === 'dynamic')) continue;
      if (
        filters.some((f) => {
          const n = asString(f.value('name'));
          return n === undefined || PINNING_FILTERS.has(n);
        })
      )
        continue;
      if (d.has('executable_users')) continue;
      reportOn(ctx, d, owners ?? d.headerLoc, `AMI lookup ${nameOf(d)} does not restrict the image owner.`);
    }
  },
});
