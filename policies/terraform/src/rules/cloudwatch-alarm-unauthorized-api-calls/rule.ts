import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  alias: 'AWS-0147',
  what: 'unauthorized API calls',
  anyOf: ['UnauthorizedOperation', 'AccessDenied'],
  why: 'A burst of AccessDenied errors is often the first trace of a stolen credential being tried against the account.',
  example: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
});
