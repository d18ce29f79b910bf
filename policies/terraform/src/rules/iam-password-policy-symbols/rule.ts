import { passwordPolicyRule } from '../../lib/password-policy.js';

export default passwordPolicyRule(
  'terraform/iam-password-policy-symbols',
  { kind: 'true', attr: 'require_symbols', what: 'require a symbol' },
  {
    title: 'Account password policy does not require a symbol',
    description: 'The `aws_iam_account_password_policy` does not set `require_symbols = true`.',
    rationale:
      'CIS asks the account password policy to require a symbol, so that console passwords of IAM users cannot come from the small space of all-alphanumeric words. Low: NIST 800-63B now prefers length and breached-password checks to composition rules, and MFA matters more than either.',
    remediation: 'Set `require_symbols = true` (together with `minimum_password_length = 14` or more).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0060'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_symbols = false\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_symbols = true\n}\n',
        },
      ],
    },
  },
);
