import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-route-table-changes',
  alias: 'AWS-0159',
  what: 'route table changes',
  anyOf: ['CreateRoute', 'ReplaceRoute', 'DeleteRoute', 'RouteTable'],
  why: 'A changed route can send private traffic through an attacker-controlled appliance or out to the internet.',
  example:
    '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
});
