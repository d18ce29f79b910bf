import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/guardduty-detector-disabled',
  domain: terraformDomain,
  meta: {
    title: 'GuardDuty detector is disabled',
    description: 'An `aws_guardduty_detector` sets `enable = false`.',
    rationale:
      'GuardDuty is the managed threat detection of the account (credential exfiltration, crypto-mining, reconnaissance); a detector that exists but is disabled looks like coverage while nothing is analysed. Medium.',
    remediation:
      'Set `enable = true` (the default), and manage member accounts from the delegated administrator.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 17 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const d of module.resourcesOf('aws_guardduty_detector')) {
      const a = d.attr('enable');
      if (a && asBool(d.value('enable')) === false)
        reportOn(ctx, d, a, `GuardDuty detector ${nameOf(d)} is disabled.`);
    }
  },
});
