import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-root-usage',
  alias: 'AWS-0149',
  what: 'root user activity',
  anyOf: ['Root'],
  allOf: ['userIdentity.type'],
  why: 'The root user can do everything and should almost never be used; any activity by it deserves a look.',
  example:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
});
