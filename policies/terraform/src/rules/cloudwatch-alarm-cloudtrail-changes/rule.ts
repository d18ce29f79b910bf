import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-cloudtrail-changes',
  alias: 'AWS-0151',
  what: 'CloudTrail configuration changes',
  anyOf: ['StopLogging', 'DeleteTrail', 'UpdateTrail'],
  why: 'Stopping or changing a trail is how an intruder stops being recorded.',
  example:
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
});
