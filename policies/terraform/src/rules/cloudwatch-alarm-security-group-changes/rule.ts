import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-security-group-changes',
  alias: 'AWS-0156',
  what: 'security group changes',
  anyOf: [
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
  ],
  why: 'A security group opened outside the change process is the most common way a service ends up exposed.',
  example:
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
});
