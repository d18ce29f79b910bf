// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import asgSingleAz from './asg-single-az/rule.js';
import backendLocalState from './backend-local-state/rule.js';
import backendS3Encrypt from './backend-s3-encrypt/rule.js';
import backendS3Locking from './backend-s3-locking/rule.js';
import cloudfrontHttps from './cloudfront-https/rule.js';
import cloudtrailCloudwatchLogs from './cloudtrail-cloudwatch-logs/rule.js';
import cloudtrailKmsEncryption from './cloudtrail-kms-encryption/rule.js';
import cloudtrailLogValidation from './cloudtrail-log-validation/rule.js';
import cloudtrailMultiRegion from './cloudtrail-multi-region/rule.js';
import defaultSecurityGroupRestrictsAll from './default-security-group-restricts-all/rule.js';
import dynamodbPitr from './dynamodb-pitr/rule.js';
import ebsEncryption from './ebs-encryption/rule.js';
import ec2Imdsv2 from './ec2-imdsv2/rule.js';
import eksClusterVersion from './eks-cluster-version/rule.js';
import eksControlPlaneLogging from './eks-control-plane-logging/rule.js';
import eksGpuNodeGroupTaint from './eks-gpu-node-group-taint/rule.js';
import eksNodeGroupMinSize from './eks-node-group-min-size/rule.js';
import eksPublicCidr from './eks-public-cidr/rule.js';
import eksPublicEndpoint from './eks-public-endpoint/rule.js';
import eksSecretsEncryption from './eks-secrets-encryption/rule.js';
import hardcodedSecrets from './hardcoded-secrets/rule.js';
import iamAssumeRoleOpenPrincipal from './iam-assume-role-open-principal/rule.js';
import iamGithubOidcTrust from './iam-github-oidc-trust/rule.js';
import iamPasswordPolicyLength from './iam-password-policy-length/rule.js';
import iamPolicyAdmin from './iam-policy-admin/rule.js';
import iamPolicyWildcardAction from './iam-policy-wildcard-action/rule.js';
import iamPrivilegeEscalation from './iam-privilege-escalation/rule.js';
import iamUserPolicy from './iam-user-policy/rule.js';
import kmsKeyRotation from './kms-key-rotation/rule.js';
import lambdaDlq from './lambda-dlq/rule.js';
import lbListenerHttps from './lb-listener-https/rule.js';
import lbListenerTlsPolicy from './lb-listener-tls-policy/rule.js';
import lbTargetGroupHealthCheck from './lb-target-group-health-check/rule.js';
import moduleSourcePinned from './module-source-pinned/rule.js';
import providerHardcodedCredentials from './provider-hardcoded-credentials/rule.js';
import rdsBackupRetention from './rds-backup-retention/rule.js';
import rdsClusterEncryption from './rds-cluster-encryption/rule.js';
import rdsDeletionProtection from './rds-deletion-protection/rule.js';
import rdsIamAuth from './rds-iam-auth/rule.js';
import rdsInstanceEncryption from './rds-instance-encryption/rule.js';
import rdsMultiAz from './rds-multi-az/rule.js';
import rdsPublicAccess from './rds-public-access/rule.js';
import requiredProvidersVersion from './required-providers-version/rule.js';
import requiredVersion from './required-version/rule.js';
import s3BlockPublicAcls from './s3-block-public-acls/rule.js';
import s3BlockPublicPolicy from './s3-block-public-policy/rule.js';
import s3BucketEncryption from './s3-bucket-encryption/rule.js';
import s3BucketKmsEncryption from './s3-bucket-kms-encryption/rule.js';
import s3BucketLogging from './s3-bucket-logging/rule.js';
import s3BucketPolicyPublicPrincipal from './s3-bucket-policy-public-principal/rule.js';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block/rule.js';
import s3BucketPublicAcl from './s3-bucket-public-acl/rule.js';
import s3BucketVersioning from './s3-bucket-versioning/rule.js';
import s3IgnorePublicAcls from './s3-ignore-public-acls/rule.js';
import s3LifecycleLogs from './s3-lifecycle-logs/rule.js';
import s3RestrictPublicBuckets from './s3-restrict-public-buckets/rule.js';
import securityGroupOpenAdminPorts from './security-group-open-admin-ports/rule.js';
import securityGroupOpenAllPorts from './security-group-open-all-ports/rule.js';
import securityGroupRuleDescription from './security-group-rule-description/rule.js';
import securityGroupUnrestrictedEgress from './security-group-unrestricted-egress/rule.js';
import vpcFlowLogs from './vpc-flow-logs/rule.js';

export const rules: AnyRule[] = [
  asgSingleAz,
  backendLocalState,
  backendS3Encrypt,
  backendS3Locking,
  cloudfrontHttps,
  cloudtrailCloudwatchLogs,
  cloudtrailKmsEncryption,
  cloudtrailLogValidation,
  cloudtrailMultiRegion,
  defaultSecurityGroupRestrictsAll,
  dynamodbPitr,
  ebsEncryption,
  ec2Imdsv2,
  eksClusterVersion,
  eksControlPlaneLogging,
  eksGpuNodeGroupTaint,
  eksNodeGroupMinSize,
  eksPublicCidr,
  eksPublicEndpoint,
  eksSecretsEncryption,
  hardcodedSecrets,
  iamAssumeRoleOpenPrincipal,
  iamGithubOidcTrust,
  iamPasswordPolicyLength,
  iamPolicyAdmin,
  iamPolicyWildcardAction,
  iamPrivilegeEscalation,
  iamUserPolicy,
  kmsKeyRotation,
  lambdaDlq,
  lbListenerHttps,
  lbListenerTlsPolicy,
  lbTargetGroupHealthCheck,
  moduleSourcePinned,
  providerHardcodedCredentials,
  rdsBackupRetention,
  rdsClusterEncryption,
  rdsDeletionProtection,
  rdsIamAuth,
  rdsInstanceEncryption,
  rdsMultiAz,
  rdsPublicAccess,
  requiredProvidersVersion,
  requiredVersion,
  s3BlockPublicAcls,
  s3BlockPublicPolicy,
  s3BucketEncryption,
  s3BucketKmsEncryption,
  s3BucketLogging,
  s3BucketPolicyPublicPrincipal,
  s3BucketPublicAccessBlock,
  s3BucketPublicAcl,
  s3BucketVersioning,
  s3IgnorePublicAcls,
  s3LifecycleLogs,
  s3RestrictPublicBuckets,
  securityGroupOpenAdminPorts,
  securityGroupOpenAllPorts,
  securityGroupRuleDescription,
  securityGroupUnrestrictedEgress,
  vpcFlowLogs,
];
