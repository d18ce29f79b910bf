import { defineRule } from '@plumbline/core';
import type { TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { ADMIN_PORTS, allPorts, ingressPermissions } from '../../lib/network.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

interface Options {
  ports: number[];
}

export default defineRule<TfModule, Options>({
  id: 'terraform/security-group-open-admin-ports',
  domain: terraformDomain,
  meta: {
    title: 'Security group opens an admin or data port to the internet',
    description:
      'An ingress rule (inline `ingress` block or list, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, the default security group) allows an administrative or data port from `0.0.0.0/0` or `::/0`: remote shells and desktops (SSH 22, RDP 3389, Telnet, VNC, WinRM, SMB), databases (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Cassandra, CouchDB, InfluxDB), caches (Redis, Memcached), search (Elasticsearch, Kibana), brokers (Kafka, RabbitMQ, ZooKeeper), and control planes (Kubernetes API, kubelet, etcd, Docker API, Consul, SaltStack). The `ports` option replaces the list.',
    rationale:
      'Administrative and data ports open to the whole internet are scanned within minutes and brute-forced continuously; one weak credential, unauthenticated default (Redis, Elasticsearch, Docker, kubelet) or unpatched daemon gives an attacker a shell or the data. Reach them through SSM Session Manager, a VPN, a bastion or private networking instead. Critical exposure, rated high because the service may still require authentication.',
    remediation:
      'Restrict the CIDR to the addresses that administer the host, or remove the rule and use SSM Session Manager.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_24', 'CKV_AWS_25', 'AWS-0107'],
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    options: {
      schema: {
        type: 'object',
        properties: { ports: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 } } },
        additionalProperties: false,
      },
      defaults: { ports: Object.keys(ADMIN_PORTS).map(Number) },
    },
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "bastion" {\n  name = "bastion"\n\n  ingress {\n    description = "SSH"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
          errors: [{ line: 9, column: 5, endLine: 9, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_security_group" "bastion" {\n  name = "bastion"\n\n  ingress {\n    description = "SSH from the office"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["203.0.113.0/24"]\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/security-group-open-admin-ports');
    const ports = ctx.options.ports;
    for (const { owner, p } of ingressPermissions(module)) {
      if (allPorts(p) || (p.protocol !== 'tcp' && p.protocol !== 'udp')) continue;
      if (p.from === undefined || p.to === undefined) continue;
      const hit = ports.filter((port) => port >= p.from! && port <= p.to!);
      if (hit.length === 0) continue;
      const attr = p.view.attr(p.cidrAttr)!;
      const named = hit
        .slice(0, 4)
        .map((port) => (ADMIN_PORTS[port] ? `${port} (${ADMIN_PORTS[port]})` : `${port}`));
      const more = hit.length > 4 ? ` and ${hit.length - 4} more admin/data ports` : '';
      reportOn(
        ctx,
        owner,
        attr,
        `${nameOf(owner)} allows port ${named.join(', ')}${more} from ${p.open.join(', ')}.`,
        `${hit.join(',')} ${p.open.join(',')}`,
      );
    }
  },
});
