import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-organizations-changes',
  alias: 'AWS-0174',
  what: 'AWS Organizations changes',
  anyOf: ['organizations.amazonaws.com'],
  why: 'Changes to the organization (accounts leaving, policies detached, new accounts) can remove guardrails from every account at once.',
  example:
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "CreateAccount") || ($.eventName = "LeaveOrganization") || ($.eventName = "DetachPolicy") || ($.eventName = "UpdatePolicy")) }',
});
