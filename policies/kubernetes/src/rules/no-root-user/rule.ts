import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, onceEach } from '../../lib.js';
import { reportSystemAware } from '../../system-workloads.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-root-user',
  domain: k8sDomain,
  meta: {
    title: 'Container runs as UID 0',
    description: 'A container (or its pod) sets `runAsUser: 0`: it runs as root whatever the image says.',
    rationale:
      'High: unlike an unset user, this is a deliberate choice of root. Root in a container owns the image files, keeps the default capabilities and turns any kernel or runtime bug into a path to the node. The restricted Pod Security Standard forbids UID 0. In a system namespace (`kube-system`, `kube-public`, `kube-node-lease`), and for a DaemonSet in `monitoring`, the finding is still reported but with low confidence and a note saying why: Polaris’s default configuration exempts the control-plane components, kube-proxy and kube-dns in `kube-system` from this check (`runAsRootAllowed`). A system name alone in another namespace does not lower it.',
    remediation:
      'Remove `runAsUser: 0` and run as a dedicated numeric UID (e.g. 10001) with `runAsNonRoot: true`; fix file ownership in the image instead.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0105', 'kube-score:container-security-context-user-group-id'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        runAsUser: 0\n',
          errors: [{ line: 10, column: 20, endLine: 10, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        runAsUser: 10001\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object, { skipPartial: false })) {
      const user = c.security('runAsUser');
      if (!user || Number(user.value) !== 0 || user.value === '' || user.value === null) continue;
      if (!once(user.route)) continue;
      const who = user.from === 'pod' ? c.pod.label : `the ${c.label} of ${c.pod.label}`;
      reportSystemAware(
        ctx,
        'k8s/no-root-user',
        object,
        object.at(user.route)!,
        `${who[0]!.toUpperCase()}${who.slice(1)} runs as UID 0 (\`runAsUser: 0\`).`,
        `${c.name}:${user.from}`,
      );
    }
  },
});
