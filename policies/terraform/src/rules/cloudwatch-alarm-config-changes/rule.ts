import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-config-changes',
  alias: 'AWS-0155',
  what: 'AWS Config configuration changes',
  anyOf: [
    'StopConfigurationRecorder',
    'DeleteDeliveryChannel',
    'PutConfigurationRecorder',
    'PutDeliveryChannel',
  ],
  why: 'Stopping the Config recorder hides later resource changes from compliance tooling.',
  example:
    '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }',
});
