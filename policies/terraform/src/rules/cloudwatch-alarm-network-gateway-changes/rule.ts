import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-network-gateway-changes',
  alias: 'AWS-0158',
  what: 'network gateway changes',
  anyOf: ['InternetGateway', 'CustomerGateway'],
  why: 'A new or re-attached internet or customer gateway changes what can reach the VPC from outside.',
  example:
    '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
});
