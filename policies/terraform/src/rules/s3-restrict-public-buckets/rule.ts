import { pabSettingRule } from '../../lib/pab.js';

export default pabSettingRule('terraform/s3-restrict-public-buckets', 'restrict_public_buckets', [
  'CKV_AWS_56',
  'AWS-0093',
]);
