import { passwordPolicyRule } from '../../lib/password-policy.js';

export default passwordPolicyRule(
  'terraform/iam-password-policy-uppercase',
  { kind: 'true', attr: 'require_uppercase_characters', what: 'require an uppercase letter' },
  {
    title: 'Account password policy does not require an uppercase letter',
    description: 'The `aws_iam_account_password_policy` does not set `require_uppercase_characters = true`.',
    rationale:
      'CIS asks the account password policy to require an uppercase letter, so that console passwords of IAM users cannot come from the small space of all-lowercase words. Low: NIST 800-63B now prefers length and breached-password checks to composition rules, and MFA matters more than either.',
    remediation:
      'Set `require_uppercase_characters = true` (together with `minimum_password_length = 14` or more).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0061'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_uppercase_characters = false\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_uppercase_characters = true\n}\n',
        },
      ],
    },
  },
);
