import {
  asNumber,
  asString,
  type BlockView,
  stringList,
  type TfModule,
  type TfResource,
  type Value,
} from '@plumbline/lang-hcl';

export const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** Open-to-the-world CIDRs of a list value (unknown elements are ignored). */
export function worldCidrs(value: Value | undefined): string[] {
  const list = stringList(value);
  return list ? list.values.filter((c) => WORLD.has(c.trim())) : [];
}

export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'other' | undefined;

export function protocolOf(value: Value | undefined): Protocol {
  const p = asString(value)?.toLowerCase();
  if (p === undefined) return undefined;
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  if (p === 'icmp' || p === '1' || p === 'icmpv6' || p === '58') return 'icmp';
  return 'other';
}

/**
 * One ingress permission, whatever resource wrote it: an inline `ingress` block, an
 * `aws_security_group_rule`, or an `aws_vpc_security_group_ingress_rule`.
 */
export interface Permission {
  view: BlockView;
  protocol: Protocol;
  /** Undefined when unknown. */
  from: number | undefined;
  to: number | undefined;
  /** The attribute holding the open CIDRs and the open CIDRs it holds. */
  cidrAttr: string;
  open: string[];
}

export function permission(view: BlockView, kind: 'block' | 'rule' | 'vpc-rule'): Permission[] {
  if (kind === 'vpc-rule') {
    const out: Permission[] = [];
    const protocol = protocolOf(view.value('ip_protocol'));
    const all = protocol === 'all';
    for (const attr of ['cidr_ipv4', 'cidr_ipv6']) {
      const open = worldCidrs(view.value(attr));
      if (open.length === 0) continue;
      out.push({
        view,
        protocol,
        from: all ? 0 : asNumber(view.value('from_port')),
        to: all ? 65535 : asNumber(view.value('to_port')),
        cidrAttr: attr,
        open,
      });
    }
    return out;
  }
  const protocol = protocolOf(view.value('protocol'));
  const from = asNumber(view.value('from_port'));
  const to = asNumber(view.value('to_port'));
  const out: Permission[] = [];
  for (const attr of ['cidr_blocks', 'ipv6_cidr_blocks']) {
    const open = worldCidrs(view.value(attr));
    if (open.length > 0) out.push({ view, protocol, from, to, cidrAttr: attr, open });
  }
  return out;
}

/** True when the permission covers every port (all protocols, or 0–65535). */
export function allPorts(p: Permission): boolean {
  if (p.protocol === 'all') return true;
  return (
    (p.protocol === 'tcp' || p.protocol === 'udp') &&
    p.from !== undefined &&
    p.to !== undefined &&
    p.from <= 1 &&
    p.to >= 65535
  );
}

/** Every ingress permission of the module with the resource it belongs to. */
export function ingressPermissions(module: TfModule): { owner: TfResource; p: Permission }[] {
  const out: { owner: TfResource; p: Permission }[] = [];
  for (const sg of module.resourcesOf('aws_security_group', 'aws_default_security_group')) {
    for (const block of sg.blocks('ingress'))
      for (const p of permission(block, 'block')) out.push({ owner: sg, p });
  }
  for (const rule of module.resourcesOf('aws_security_group_rule')) {
    if (rule.value('type') !== 'ingress') continue;
    for (const p of permission(rule, 'rule')) out.push({ owner: rule, p });
  }
  for (const rule of module.resourcesOf('aws_vpc_security_group_ingress_rule')) {
    for (const p of permission(rule, 'vpc-rule')) out.push({ owner: rule, p });
  }
  return out;
}

/** Every egress permission open to the world, with the resource it belongs to. */
export function egressPermissions(module: TfModule): { owner: TfResource; p: Permission }[] {
  const out: { owner: TfResource; p: Permission }[] = [];
  for (const sg of module.resourcesOf('aws_security_group')) {
    for (const block of sg.blocks('egress'))
      for (const p of permission(block, 'block')) out.push({ owner: sg, p });
  }
  for (const rule of module.resourcesOf('aws_security_group_rule')) {
    if (rule.value('type') !== 'egress') continue;
    for (const p of permission(rule, 'rule')) out.push({ owner: rule, p });
  }
  for (const rule of module.resourcesOf('aws_vpc_security_group_egress_rule')) {
    for (const p of permission(rule, 'vpc-rule')) out.push({ owner: rule, p });
  }
  return out;
}

/**
 * Administrative and data ports that should never face the internet: remote shells and
 * desktops, databases, caches, search, message brokers, container and cluster control planes.
 */
export const ADMIN_PORTS: Readonly<Record<number, string>> = {
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  135: 'MS RPC',
  139: 'NetBIOS',
  389: 'LDAP',
  445: 'SMB',
  636: 'LDAPS',
  1433: 'SQL Server',
  1521: 'Oracle',
  2049: 'NFS',
  2181: 'ZooKeeper',
  2375: 'Docker API',
  2376: 'Docker API (TLS)',
  2379: 'etcd',
  2380: 'etcd peer',
  3306: 'MySQL',
  3389: 'RDP',
  4505: 'SaltStack',
  4506: 'SaltStack',
  5432: 'PostgreSQL',
  5601: 'Kibana',
  5672: 'RabbitMQ',
  5900: 'VNC',
  5984: 'CouchDB',
  5985: 'WinRM',
  5986: 'WinRM (TLS)',
  6379: 'Redis',
  6443: 'Kubernetes API',
  7000: 'Cassandra',
  7001: 'Cassandra (TLS)',
  8086: 'InfluxDB',
  8500: 'Consul',
  9042: 'Cassandra CQL',
  9092: 'Kafka',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  10250: 'kubelet',
  11211: 'Memcached',
  15672: 'RabbitMQ management',
  27017: 'MongoDB',
  27018: 'MongoDB',
  27019: 'MongoDB',
};
