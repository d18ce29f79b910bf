import { unscopedActionsRule } from '../../lib/iam-unscoped.js';

/** Actions that change who else can reach a resource (resource policies, ACLs, sharing). */
const EXPOSURE_ACTIONS = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:PutObjectAcl',
  's3:PutBucketPublicAccessBlock',
  's3:PutAccountPublicAccessBlock',
  'sqs:AddPermission',
  'sqs:SetQueueAttributes',
  'sns:AddPermission',
  'sns:SetTopicAttributes',
  'lambda:AddPermission',
  'lambda:AddLayerVersionPermission',
  'kms:PutKeyPolicy',
  'kms:CreateGrant',
  'ecr:SetRepositoryPolicy',
  'secretsmanager:PutResourcePolicy',
  'glacier:SetVaultAccessPolicy',
  'ec2:ModifySnapshotAttribute',
  'ec2:ModifyImageAttribute',
  'rds:ModifyDBSnapshotAttribute',
  'rds:ModifyDBClusterSnapshotAttribute',
  'ram:CreateResourceShare',
  'elasticfilesystem:PutFileSystemPolicy',
];

export default unscopedActionsRule(
  'terraform/iam-resource-exposure',
  EXPOSURE_ACTIONS,
  (granted) => `can change who may access resources with ${granted} on every resource.`,
  {
    title: 'IAM policy can open any resource to others',
    description:
      'An `Allow` statement on `Resource: "*"` without a condition grants an action that edits resource policies, ACLs or sharing: `s3:PutBucketPolicy`, `s3:PutBucketAcl`, `kms:PutKeyPolicy`, `lambda:AddPermission`, `ec2:ModifySnapshotAttribute`, `ram:CreateResourceShare`, ... IAM policy changes are reported by `terraform/iam-privilege-escalation`.',
    rationale:
      'Whoever holds these on every resource can make any bucket public, share any snapshot or AMI with an outside account, or add themselves to any key policy: a one-call data exposure that identity policies elsewhere do not stop. High.',
    remediation:
      'Grant these actions only on the resources the automation manages (their ARNs), or add a condition on tags or `aws:ResourceAccount`.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['CKV_AWS_109', 'CKV_AWS_289'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "deployer" {\n  role = aws_iam_role.deployer.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:PutBucketPolicy", "s3:GetBucketPolicy"]\n      Resource = "*"\n    }]\n  })\n}\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 62 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "deployer" {\n  role = aws_iam_role.deployer.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:PutBucketPolicy", "s3:GetBucketPolicy"]\n      Resource = aws_s3_bucket.site.arn\n    }]\n  })\n}\n',
        },
      ],
    },
  },
);
