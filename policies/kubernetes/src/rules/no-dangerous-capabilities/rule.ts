import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { addedCapabilities, containersOf, DANGEROUS_CAPABILITIES, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-dangerous-capabilities',
  domain: k8sDomain,
  meta: {
    title: 'Container adds a dangerous Linux capability',
    description:
      'A container adds `ALL`, `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `NET_ADMIN`, `NET_RAW`, `BPF`, `DAC_READ_SEARCH` or another capability that reaches beyond the container.',
    rationale:
      'High: these capabilities are the usual tools of a container escape (`SYS_ADMIN` mounts, `SYS_MODULE` loads kernel modules, `SYS_PTRACE` reads other processes, `NET_RAW` spoofs traffic on the node network). `ALL` is privileged mode minus the device access.',
    remediation:
      'Remove the capability; if one is truly needed, add only that one, document why, and keep `drop: ["ALL"]`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_K8S_39', 'KSV-0005', 'KSV-0119', 'KSV-0120', 'polaris:dangerousCapabilities'],
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          add: ["NET_BIND_SERVICE", "SYS_ADMIN"]\n',
          errors: [{ line: 11, column: 37, endLine: 11, endColumn: 48 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const cap of addedCapabilities(c)) {
        if (!DANGEROUS_CAPABILITIES.has(cap.name)) continue;
        report(
          ctx,
          object,
          object.at(cap.route)!,
          `The ${c.label} of ${c.pod.label} adds the capability \`${cap.name}\`.`,
          `${c.name}:${cap.name}`,
        );
      }
    }
  },
});
