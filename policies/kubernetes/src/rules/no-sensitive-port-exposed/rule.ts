import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

const SENSITIVE: Record<number, string> = {
  22: 'SSH',
  23: 'Telnet',
  3389: 'RDP',
  5900: 'VNC',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  6379: 'Redis',
  27017: 'MongoDB',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch',
  11211: 'Memcached',
  5984: 'CouchDB',
  9042: 'Cassandra',
  2375: 'Docker API',
  2376: 'Docker API',
  2379: 'etcd',
  10250: 'kubelet',
};

export default defineRule<K8sObject>({
  id: 'k8s/no-sensitive-port-exposed',
  domain: k8sDomain,
  meta: {
    title: 'Administrative or database port exposed outside the cluster',
    description:
      'A Service of type `LoadBalancer` or `NodePort` (or with `externalIPs`) exposes SSH, RDP, VNC, a database, a cache, the Docker API, etcd or the kubelet port.',
    rationale:
      'High: these ports are scanned continuously on the internet; databases and caches often run without authentication inside a cluster, and remote shells invite credential stuffing. Exposing one is a frequent root cause of breaches.',
    remediation: 'Keep the Service `ClusterIP`; reach it through a bastion, `kubectl port-forward` or a VPN. If it must be external, restrict `loadBalancerSourceRanges` and require authentication and TLS.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/db.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: LoadBalancer\n  selector: {app: db}\n  ports:\n    - port: 5432\n',
          errors: [{ line: 9, column: 13, endLine: 9, endColumn: 17 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/db.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector: {app: db}\n  ports:\n    - port: 5432\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const type = asString(object.get(['spec', 'type']));
    const external = type === 'LoadBalancer' || type === 'NodePort' || asArray(object.get(['spec', 'externalIPs'])).length > 0;
    if (!external) return;
    asArray(object.get(['spec', 'ports'])).forEach((p, i) => {
      const port = Number(asObj(p).port);
      const what = SENSITIVE[port];
      if (!what) return;
      report(ctx, object, object.at(['spec', 'ports', i, 'port'])!, `Service \`${object.name}\` exposes port ${port} (${what}) outside the cluster.`, String(port));
    });
  },
});
