import type { ModuleTable } from './table.js';

/** Named rules of the module (`rules.tf`) that open an administrative or data port. */
const ADMIN_RULES =
  '^(ssh-tcp|rdp-tcp|rdp-udp|winrm-(http|https)-tcp|mysql-tcp|mssql-(tcp|udp|analytics-tcp|broker-tcp)|postgresql-tcp|oracle-db-tcp|redis-tcp|memcached-(tcp|udp)|mongodb-27017-tcp|mongodb-27018-tcp|mongodb-27019-tcp|cassandra-.*|elasticsearch-(rest|java)-tcp|kibana-tcp|docker-swarm-.*|kubernetes-api-tcp|etcd-client-tcp|zookeeper-.*|kafka-.*|rabbitmq-.*|ldap-tcp|ldaps-tcp|nfs-tcp|smtp-tcp|vault-tcp|consul-.*|nomad-.*|puppet-tcp|prometheus-.*|grafana-tcp|splunk-.*|zipkin-.*|saltstack-tcp|ipsec-.*|openvpn-.*)$';

const world = {
  input: 'ingress_cidr_blocks',
  is: { containsAny: ['0.0.0.0/0'] },
  defaults: [{ value: [] }],
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
