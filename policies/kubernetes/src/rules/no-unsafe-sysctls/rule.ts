import { defineRule } from '@plumbline/core';
import { asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, onceEach, podsOf, report } from '../../lib.js';

/** Namespaced sysctls the baseline Pod Security Standard allows. */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export default defineRule<K8sObject>({
  id: 'k8s/no-unsafe-sysctls',
  domain: k8sDomain,
  meta: {
    title: 'Pod sets an unsafe sysctl',
    description:
      'A pod sets a kernel parameter (`securityContext.sysctls`) outside the safe, namespaced set the baseline Pod Security Standard allows.',
    rationale:
      'Medium: unsafe sysctls are not isolated per pod — they change the node kernel for every pod on it, can starve or crash the node, and the kubelet rejects them unless explicitly allowed, so the pod may also fail to start.',
    remediation:
      'Remove the sysctl, or tune it on dedicated nodes (node configuration, taints) rather than from a pod.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0026', 'kube-linter:unsafe-sysctls'],
    references: ['https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    sysctls:\n      - name: kernel.msgmax\n        value: "65536"\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 8, column: 15, endLine: 8, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_local_port_range\n        value: "1024 65535"\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const p of podsOf(object, { skipPartial: false })) {
      const sysctls = p.podSecurity<unknown[]>('sysctls');
      if (!sysctls || !Array.isArray(sysctls.value)) continue;
      sysctls.value.forEach((s, i) => {
        const name = asString(asObj(s).name);
        // The kernel accepts `/` as the separator too (`net/ipv4/tcp_syncookies`).
        if (!name || SAFE.has(name.replaceAll('/', '.')) || !once([...sysctls.route, i])) return;
        report(
          ctx,
          object,
          object.at([...sysctls.route, i, 'name'])!,
          `${capitalized(p.label)} sets the unsafe sysctl \`${name}\`.`,
          name,
        );
      });
    }
  },
});
