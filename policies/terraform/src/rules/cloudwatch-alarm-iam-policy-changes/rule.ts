import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-iam-policy-changes',
  alias: 'AWS-0150',
  what: 'IAM policy changes',
  anyOf: [
    'PutRolePolicy',
    'PutUserPolicy',
    'PutGroupPolicy',
    'AttachRolePolicy',
    'AttachUserPolicy',
    'AttachGroupPolicy',
    'CreatePolicyVersion',
    'DeleteRolePolicy',
  ],
  why: 'Changed IAM policies are how an intruder widens its access or plants a backdoor.',
  example:
    '{ ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = AttachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = CreatePolicyVersion) }',
});
