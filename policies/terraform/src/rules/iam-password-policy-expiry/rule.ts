import { passwordPolicyRule } from '../../lib/password-policy.js';

export default passwordPolicyRule(
  'terraform/iam-password-policy-expiry',
  { kind: 'at-most', attr: 'max_password_age', limit: 90, what: 'expire passwords within 90 days' },
  {
    title: 'Account password policy does not expire passwords within 90 days',
    description:
      'The `aws_iam_account_password_policy` has no `max_password_age`, sets it to 0 (never) or to more than 90 days.',
    rationale:
      'Older CIS benchmarks and many audit frameworks (PCI DSS for accounts without MFA) ask for password expiry at 90 days. NIST 800-63B advises against forced periodic changes, which lead to predictable passwords, so this is low with low confidence: follow it where your auditor requires it.',
    remediation:
      'Set `max_password_age = 90` if your framework requires it; otherwise enforce MFA and suppress this rule.',
    category: 'security',
    severity: 'low',
    confidence: 'low',
    aliases: ['AWS-0062'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  max_password_age        = 365\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  max_password_age        = 90\n}\n',
        },
      ],
    },
  },
);
