import { unscopedActionsRule } from '../../lib/iam-unscoped.js';

/** Actions that return or create credentials for something else (privilege escalation ones excluded). */
const CREDENTIAL_ACTIONS = [
  'ec2:GetPasswordData',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'connect:GetFederationToken',
  'gamelift:GetInstanceAccess',
  'sso:GetRoleCredentials',
  'mediapackage:RotateIngestEndpointCredentials',
];

export default unscopedActionsRule(
  'terraform/iam-credentials-exposure',
  CREDENTIAL_ACTIONS,
  (granted) => `can obtain credentials with ${granted} on every resource.`,
  {
    title: 'IAM policy can read or mint credentials on any resource',
    description:
      'An `Allow` statement on `Resource: "*"` without a condition grants an action that returns or creates credentials: `ec2:GetPasswordData`, `redshift:GetClusterCredentials`, `iam:CreateServiceSpecificCredential`, `lightsail:GetInstanceAccessDetails`, `sso:GetRoleCredentials`, ... Creating access keys and login profiles is reported by `terraform/iam-privilege-escalation`.',
    rationale:
      'These actions hand out passwords, database credentials or keys of other resources and users; granted on every resource they let one workload borrow the identity of many. Medium: the credentials still carry their own permissions.',
    remediation:
      'Scope the action to the instances, clusters or users it is meant for, or add a condition (tags, `aws:ResourceAccount`).',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_107', 'CKV_AWS_287'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "reporting" {\n  role = aws_iam_role.reporting.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["redshift:GetClusterCredentials", "redshift:DescribeClusters"]\n      Resource = "*"\n    }]\n  })\n}\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 81 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "reporting" {\n  role = aws_iam_role.reporting.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["redshift:GetClusterCredentials"]\n      Resource = "arn:aws:redshift:eu-west-1:111122223333:dbuser:analytics/reporting"\n    }]\n  })\n}\n',
        },
      ],
    },
  },
);
