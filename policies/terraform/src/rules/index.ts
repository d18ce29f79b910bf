// Generated from the folders in src/rules by scripts/gen-rule-index.mjs (run by `npm run build`). Do not edit.
import type { AnyRule } from '@plumbline/core';
import backendS3Encrypt from './backend-s3-encrypt/rule.js';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block/rule.js';
import securityGroupOpenAdminPorts from './security-group-open-admin-ports/rule.js';

export const rules: AnyRule[] = [backendS3Encrypt, s3BucketPublicAccessBlock, securityGroupOpenAdminPorts];
