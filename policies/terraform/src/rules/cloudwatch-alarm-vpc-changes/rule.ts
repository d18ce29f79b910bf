import { cisAlarmRule } from '../../lib/cis-alarms.js';

export default cisAlarmRule({
  id: 'cloudwatch-alarm-vpc-changes',
  alias: 'AWS-0160',
  what: 'VPC changes',
  anyOf: ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'VpcPeeringConnection', 'ClassicLink'],
  why: 'New VPCs and peering connections change which networks can talk to each other.',
  example:
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) }',
});
