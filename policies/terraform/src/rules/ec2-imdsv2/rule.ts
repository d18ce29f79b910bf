import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAl2023Image } from '../../lib/ami.js';
import { replaceLiteral } from '../../lib/fix.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ec2-imdsv2',
  domain: terraformDomain,
  meta: {
    title: 'Instance metadata service v1 is allowed',
    description:
      'An `aws_instance` or `aws_launch_template` does not set `metadata_options { http_tokens = "required" }`. Instances whose image is known to be Amazon Linux 2023 (an `aws_ami` data source filtered on `al2023-ami-*`, the AL2023 SSM parameter, or `resolve:ssm:` of it) are reported only when they set `http_tokens = "optional"`: AL2023 AMIs are registered IMDSv2-only.',
    rationale:
      'IMDSv1 answers plain GET requests, so any SSRF bug in an application on the instance hands out the instance role’s credentials (the Capital One breach). IMDSv2 needs a session token that SSRF cannot obtain. High.',
    remediation:
      'Add `metadata_options { http_tokens = "required" }` (and `http_put_response_hop_limit = 1` unless containers need 2).',
    category: 'security',
    severity: 'high',
    fixable: true,
    confidence: 'high',
    aliases: ['CKV_AWS_79', 'AWS-0028', 'AWS-0130'],
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "web" {\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "web" {\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    // Account-wide defaults (aws_ec2_instance_metadata_defaults) cover instances that say nothing.
    const accountDefault = module
      .resourcesOf('aws_ec2_instance_metadata_defaults')
      .some(
        (d) =>
          asString(d.value('http_tokens')) !== 'optional' &&
          asString(d.value('http_tokens')) !== 'no-preference',
      );
    for (const r of module.resourcesOf('aws_instance', 'aws_launch_template', 'aws_launch_configuration')) {
      // AL2023 AMIs carry `ImdsSupport = v2.0`: leaving `http_tokens` unset means `required`.
      const v2ByImage = isAl2023Image(module, r);
      if (!r.hasBlock('metadata_options')) {
        if (accountDefault || v2ByImage) continue;
        reportOn(ctx, r, r.headerLoc, `${nameOf(r)} has no \`metadata_options\`: IMDSv1 stays enabled.`);
        continue;
      }
      for (const m of r.blocks('metadata_options')) {
        if (asString(m.value('http_endpoint')) === 'disabled') continue;
        const tokens = m.attr('http_tokens');
        if (!tokens && !v2ByImage)
          reportOn(
            ctx,
            r,
            m.headerLoc,
            `${nameOf(r)} does not set \`http_tokens = "required"\`: IMDSv1 stays enabled.`,
          );
        else if (tokens && asString(m.value('http_tokens')) === 'optional')
          reportOn(
            ctx,
            r,
            tokens,
            `${nameOf(r)} sets \`http_tokens = "optional"\`: IMDSv1 stays enabled.`,
            undefined,
            replaceLiteral(tokens, '"required"', 'Require IMDSv2 session tokens'),
          );
      }
    }
  },
});
