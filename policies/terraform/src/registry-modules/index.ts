import { alb } from './alb.js';
import { ecr } from './ecr.js';
import { eks } from './eks.js';
import { iamGithubOidcRole } from './iam-github-oidc-role.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { rds } from './rds.js';
import { rdsAurora } from './rds-aurora.js';
import { s3Bucket } from './s3-bucket.js';
import { securityGroup, securityGroupPresets } from './security-group.js';
import { sns } from './sns.js';
import { sqs } from './sqs.js';
import type { ModuleTable } from './table.js';
import { vpc } from './vpc.js';

export type { InputCheck, Json, ModuleTable, Predicate, VersionRange } from './table.js';

/** Every known registry module, one table per module. */
export const MODULE_TABLES: readonly ModuleTable[] = [
  eks,
  vpc,
  s3Bucket,
  rds,
  rdsAurora,
  kms,
  iamGithubOidcRole,
  securityGroup,
  ...securityGroupPresets,
  alb,
  lambda,
  ecr,
  sqs,
  sns,
];
