import { defineRule } from '@plumbline/core';
import { asString, type BlockView, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/security-group-rule-description',
  domain: terraformDomain,
  meta: {
    title: 'Security group rule has no description',
    description:
      'A security group, an inline `ingress`/`egress` block or a security group rule resource has no `description`.',
    rationale:
      'Descriptions say why a port is open. Without them, reviews cannot tell a needed rule from a forgotten one, and nobody dares remove either. A hygiene issue, hence low.',
    remediation: 'Add `description = "..."` saying who needs the access and why.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_23', 'AWS-0099', 'AWS-0124'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "web" {\n  description = "web tier"\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 10 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "web" {\n  description = "web tier"\n  ingress {\n    description = "HTTPS from the internet"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const missing = (v: BlockView) => {
      if (!v.has('description')) return true;
      return asString(v.value('description'))?.trim() === '';
    };
    const report = (owner: TfResource, v: BlockView, what: string) =>
      reportOn(ctx, owner, v.attr('description') ?? v.headerLoc, `${what} has no description.`);
    for (const sg of module.resourcesOf('aws_security_group')) {
      if (missing(sg)) report(sg, sg, `Security group ${nameOf(sg)}`);
      for (const type of ['ingress', 'egress']) {
        for (const b of sg.blocks(type))
          if (missing(b)) report(sg, b, `An \`${type}\` rule of ${nameOf(sg)}`);
      }
    }
    for (const r of module.resourcesOf(
      'aws_security_group_rule',
      'aws_vpc_security_group_ingress_rule',
      'aws_vpc_security_group_egress_rule',
    )) {
      if (missing(r)) report(r, r, `Security group rule ${nameOf(r)}`);
    }
  },
});
