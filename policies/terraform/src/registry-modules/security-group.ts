import { ADMIN_PORTS } from '../lib/network.js';
import type { ModuleTable, Predicate } from './table.js';

/** Named rules of the module (`rules.tf`) that open an administrative or data port. */
const ADMIN_RULES =
  '^(ssh-tcp|rdp-tcp|rdp-udp|winrm-(http|https)-tcp|mysql-tcp|mssql-(tcp|udp|analytics-tcp|broker-tcp)|postgresql-tcp|oracle-db-tcp|redis-tcp|memcached-(tcp|udp)|mongodb-27017-tcp|mongodb-27018-tcp|mongodb-27019-tcp|cassandra-.*|elasticsearch-(rest|java)-tcp|kibana-tcp|docker-swarm-.*|kubernetes-api-tcp|etcd-client-tcp|zookeeper-.*|kafka-.*|rabbitmq-.*|ldap-tcp|ldaps-tcp|nfs-tcp|smtp-tcp|vault-tcp|consul-.*|nomad-.*|puppet-tcp|prometheus-.*|grafana-tcp|splunk-.*|zipkin-.*|saltstack-tcp|ipsec-.*|openvpn-.*)$';

const world = {
  input: 'ingress_cidr_blocks',
  is: { containsAny: ['0.0.0.0/0'] },
  defaults: [{ value: [] }],
};

/**
 * One object of `ingress_with_cidr_blocks`: the module splits its `cidr_blocks` string on commas.
 * Objects without `cidr_blocks` take `ingress_cidr_blocks`, another input, and are not read.
 */
const fromWorld: Predicate = {
  field: 'cidr_blocks',
  is: { anyMatches: '(^|,)\\s*0\\.0\\.0\\.0/0\\s*(,|$)' },
};
/** The same for `ingress_with_ipv6_cidr_blocks` objects and their `ipv6_cidr_blocks`. */
const fromWorldV6: Predicate = { field: 'ipv6_cidr_blocks', is: { anyMatches: '(^|,)\\s*::/0\\s*(,|$)' } };
const tcpOrUdp: Predicate = { field: 'protocol', is: { anyMatches: '^(tcp|udp|6|17)$' } };
const portRange = (ports: number[]): Predicate => ({ coversAny: ports, from: 'from_port', to: 'to_port' });
const everyPort: Predicate = {
  anyOf: [
    { field: 'rule', is: { anyMatches: '^all-(all|tcp|udp)$' } },
    { field: 'protocol', is: { anyMatches: '^(-1|all)$' } },
    { allOf: [tcpOrUdp, portRange([1]), portRange([65535])] },
  ],
};
const adminPort: Predicate = {
  allOf: [
    { not: everyPort },
    {
      anyOf: [
        { field: 'rule', is: { anyMatches: ADMIN_RULES } },
        { allOf: [tcpOrUdp, portRange(Object.keys(ADMIN_PORTS).map(Number))] },
      ],
    },
  ],
};

export const securityGroup: ModuleTable = {
  source: 'terraform-aws-modules/security-group/aws',
  repository: 'terraform-aws-modules/terraform-aws-security-group',
  latest: '5.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/security-group/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-security-group/blob/master/rules.tf',
  ],
  inputs: [
    {
      rule: 'terraform/security-group-open-all-ports',
      input: 'ingress_rules',
      insecure: { anyMatches: '^all-(all|tcp|udp)$' },
      when: world,
      consequence: 'every port is open to the internet (`ingress_cidr_blocks` holds 0.0.0.0/0)',
    },
    {
      rule: 'terraform/security-group-open-admin-ports',
      input: 'ingress_rules',
      insecure: { anyMatches: ADMIN_RULES },
      when: world,
      consequence:
        'an administrative or data port is open to the internet (`ingress_cidr_blocks` holds 0.0.0.0/0)',
    },
    {
      rule: 'terraform/security-group-open-all-ports',
      input: 'ingress_with_cidr_blocks',
      insecure: { some: { allOf: [fromWorld, everyPort] } },
      consequence: 'every port is open to the internet',
    },
    {
      rule: 'terraform/security-group-open-admin-ports',
      input: 'ingress_with_cidr_blocks',
      insecure: { some: { allOf: [fromWorld, adminPort] } },
      consequence: 'an administrative or data port is open to the internet',
    },
    {
      rule: 'terraform/security-group-open-all-ports',
      input: 'ingress_with_ipv6_cidr_blocks',
      insecure: { some: { allOf: [fromWorldV6, everyPort] } },
      consequence: 'every port is open to the internet over IPv6',
    },
    {
      rule: 'terraform/security-group-open-admin-ports',
      input: 'ingress_with_ipv6_cidr_blocks',
      insecure: { some: { allOf: [fromWorldV6, adminPort] } },
      consequence: 'an administrative or data port is open to the internet over IPv6',
    },
  ],
};

/** `//modules/ssh`, `//modules/rdp`, ...: the submodule's own rule opens when given world CIDRs. */
function preset(name: string, rule: string): ModuleTable {
  return {
    ...securityGroup,
    source: `terraform-aws-modules/security-group/aws//modules/${name}`,
    inputs: [
      {
        rule,
        input: 'ingress_cidr_blocks',
        insecure: { containsAny: ['0.0.0.0/0'] },
        consequence: `the ${name} port is open to the internet`,
      },
    ],
  };
}

export const securityGroupPresets: ModuleTable[] = [
  'ssh',
  'rdp',
  'mysql',
  'postgresql',
  'mssql',
  'oracle-db',
  'redis',
  'memcached',
  'mongodb',
  'elasticsearch',
  'kibana',
  'docker-swarm',
  'kubernetes-api',
  'etcd',
  'cassandra',
  'kafka',
  'rabbitmq',
  'winrm',
  'ldap',
  'nfs',
].map((n) => preset(n, 'terraform/security-group-open-admin-ports'));
