import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import {
  addedCapabilities,
  BASELINE_CAPABILITIES,
  containersOf,
  DANGEROUS_CAPABILITIES,
  report,
} from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-added-capabilities',
  domain: k8sDomain,
  meta: {
    title: 'Container adds a capability outside the baseline set',
    description:
      'A container adds a Linux capability that the baseline Pod Security Standard does not allow (anything beyond AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). The dangerous ones are reported by `k8s/no-dangerous-capabilities` instead.',
    rationale:
      'Medium: an admission controller enforcing the baseline profile rejects the pod, and each extra capability widens what an attacker can do from inside the container, though these are less directly exploitable than `SYS_ADMIN` and friends.',
    remediation:
      'Remove the capability or replace the need for it (e.g. bind a port above 1024 instead of adding capabilities); if it stays, document why.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_K8S_25', 'KSV-0022', 'polaris:insecureCapabilities'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          add: ["IPC_LOCK"]\n',
          errors: [{ line: 11, column: 17, endLine: 11, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          add: ["NET_BIND_SERVICE"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      for (const cap of addedCapabilities(c)) {
        if (BASELINE_CAPABILITIES.has(cap.name) || DANGEROUS_CAPABILITIES.has(cap.name) || cap.name === '')
          continue;
        report(
          ctx,
          object,
          object.at(cap.route)!,
          `The ${c.label} of ${c.pod.label} adds \`${cap.name}\`, which the baseline profile does not allow.`,
          `${c.name}:${cap.name}`,
        );
      }
    }
  },
});
