import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-console-login-without-mfa',
  alias: 'AWS-0148',
  what: 'console sign-ins without MFA',
  anyOf: ['MFAUsed'],
  allOf: ['ConsoleLogin'],
  why: 'A console sign-in without MFA means a password alone was enough to get into the account.',
  example: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
});
