import { unscopedActionsRule } from '../../lib/iam-unscoped.js';

/** Actions that read stored data or secrets wholesale. */
const READ_DATA_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
];

export default unscopedActionsRule(
  'terraform/iam-data-exfiltration',
  READ_DATA_ACTIONS,
  (granted) => `can read data with ${granted} on every resource.`,
  {
    title: 'IAM policy can read every object, parameter or secret',
    description:
      'An `Allow` statement on `Resource: "*"` without a condition grants `s3:GetObject`, `ssm:GetParameter(s)`, `ssm:GetParametersByPath` or `secretsmanager:GetSecretValue`.',
    rationale:
      'Granted on every resource, these read every bucket, parameter and secret the account holds, including other teams’ data and the credentials of other services, which turns any compromise of this principal into a data breach. Medium.',
    remediation:
      'List the buckets (`arn:aws:s3:::bucket/prefix/*`), parameter paths (`arn:aws:ssm:region:account:parameter/app/*`) or secret ARNs the workload reads.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_108', 'CKV_AWS_288'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_policy" "app" {\n  name = "app"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]\n      Resource = "*"\n    }]\n  })\n}\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 65 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_policy" "app" {\n  name = "app"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]\n      Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*"\n    }]\n  })\n}\n',
        },
      ],
    },
  },
);
