import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-s3-policy-changes',
  alias: 'AWS-0154',
  what: 'S3 bucket policy changes',
  anyOf: ['PutBucketPolicy', 'PutBucketAcl', 'DeleteBucketPolicy'],
  why: 'A changed bucket policy or ACL is how a bucket becomes public or readable by another account.',
  example:
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = DeleteBucketPolicy)) }',
});
