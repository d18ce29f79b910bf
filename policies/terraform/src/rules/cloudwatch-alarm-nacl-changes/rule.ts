import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-nacl-changes',
  alias: 'AWS-0157',
  what: 'network ACL changes',
  anyOf: ['CreateNetworkAcl', 'DeleteNetworkAcl', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'],
  why: 'Network ACL changes can open whole subnets at once.',
  example:
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
});
