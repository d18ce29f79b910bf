import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-console-auth-failures',
  alias: 'AWS-0152',
  what: 'failed console sign-ins',
  anyOf: ['Failed authentication'],
  allOf: ['ConsoleLogin'],
  why: 'Repeated failed console sign-ins point at password guessing against IAM users.',
  example: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
});
