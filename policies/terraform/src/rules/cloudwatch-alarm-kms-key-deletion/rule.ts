import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-kms-key-deletion',
  alias: 'AWS-0153',
  what: 'KMS keys being disabled or scheduled for deletion',
  anyOf: ['DisableKey', 'ScheduleKeyDeletion'],
  why: 'Disabling or deleting a customer-managed key makes all data encrypted with it unreadable; it is a ransomware and sabotage move.',
  example:
    '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
});
