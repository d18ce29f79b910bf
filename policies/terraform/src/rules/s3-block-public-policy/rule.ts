import { pabSettingRule } from '../../lib/pab.js';

export default pabSettingRule('terraform/s3-block-public-policy', 'block_public_policy', [
  'CKV_AWS_54',
  'AWS-0087',
]);
