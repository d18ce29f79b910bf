import { pabSettingRule } from '../../lib/pab.js';

export default pabSettingRule('terraform/s3-block-public-acls', 'block_public_acls', [
  'CKV_AWS_53',
  'AWS-0086',
]);
