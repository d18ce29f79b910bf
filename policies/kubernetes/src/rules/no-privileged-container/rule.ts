import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTrue } from '../../lib.js';
import { reportSystemAware } from '../../system-workloads.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-privileged-container',
  domain: k8sDomain,
  meta: {
    title: 'Privileged container',
    description:
      'A container sets `securityContext.privileged: true`: it sees every host device and runs with all capabilities, without the seccomp, AppArmor or cgroup device limits of a normal container.',
    rationale:
      'Critical: a privileged container is root on the node in all but name. Escaping it takes one mount of the host disk, so any bug in the workload becomes a node (and often cluster) compromise. The Pod Security Standards baseline profile forbids it. In a system namespace (`kube-system`, `kube-public`, `kube-node-lease`), and for a DaemonSet in `monitoring`, the finding is still reported but with low confidence and a note saying why: Polaris’s default configuration exempts the control-plane components, kube-proxy and kube-dns in `kube-system` from this check (`runAsPrivileged`). A system name alone in another namespace does not lower it.',
    remediation:
      'Remove `privileged: true`. If the workload needs one specific power (e.g. `NET_ADMIN`), add just that capability; node agents that truly need privileged mode belong in a dedicated, locked-down namespace with a documented exception.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: [
      'CKV_K8S_16',
      'KSV-0017',
      'kube-linter:privileged-container',
      'polaris:runAsPrivileged',
      'kube-score:container-security-context-privileged',
    ],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      invalid: [
        {
          filename: 'k8s/agent.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: vendor/agent:2.1\n      securityContext:\n        privileged: true\n',
          errors: [{ line: 10, column: 21, endLine: 10, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/agent.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: vendor/agent:2.1\n      securityContext:\n        privileged: false\n        capabilities:\n          add: ["NET_ADMIN"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const privileged = c.own('securityContext', 'privileged');
      if (privileged && isTrue(privileged.value)) {
        reportSystemAware(
          ctx,
          'k8s/no-privileged-container',
          object,
          object.at(privileged.route)!,
          `The ${c.label} of ${c.pod.label} runs privileged.`,
          c.name,
        );
      }
    }
  },
});
