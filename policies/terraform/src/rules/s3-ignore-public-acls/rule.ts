import { pabSettingRule } from '../../lib/pab.js';

export default pabSettingRule('terraform/s3-ignore-public-acls', 'ignore_public_acls', [
  'CKV_AWS_55',
  'AWS-0091',
]);
