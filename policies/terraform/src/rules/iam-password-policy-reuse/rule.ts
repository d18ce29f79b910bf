import { passwordPolicyRule } from '../../lib/password-policy.js';

export default passwordPolicyRule(
  'terraform/iam-password-policy-reuse',
  {
    kind: 'at-least',
    attr: 'password_reuse_prevention',
    limit: 24,
    what: 'prevent reuse of the last 24 passwords',
  },
  {
    title: 'Account password policy allows passwords to be reused',
    description:
      'The `aws_iam_account_password_policy` does not set `password_reuse_prevention` to 24 (the number CIS asks for), so users can cycle back to an old, possibly leaked password.',
    rationale:
      'When a password is changed because it leaked, reuse prevention stops the user from setting it again a moment later. Low: it only concerns IAM users with console passwords, which SSO makes rare.',
    remediation: 'Set `password_reuse_prevention = 24`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0056'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length   = 14\n  password_reuse_prevention = 5\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'iam.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length   = 14\n  password_reuse_prevention = 24\n}\n',
        },
      ],
    },
  },
);
