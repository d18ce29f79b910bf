import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hardeningFix } from '../../fix/hardening-fix.js';
import { reportWithFix } from '../../fix/report.js';
import { reportsMissingAlone } from '../../hardening.js';
import { capitalized, containersOf, isTrue, isWindows, onceEach } from '../../lib.js';
import { reportSystemAware, systemContext, withNote } from '../../system-workloads.js';

export default defineRule<K8sObject>({
  id: 'k8s/run-as-non-root',
  domain: k8sDomain,
  meta: {
    title: 'Container may run as root',
    description:
      'Neither the container nor the pod sets `runAsNonRoot: true` or a non-zero `runAsUser`, so the container runs as whatever user the image declares — root for most images.',
    rationale:
      'Medium: root inside a container is not root on the node, but it owns every file of the image, can use the capabilities left to it and is the starting point of most container escapes. The restricted Pod Security Standard requires `runAsNonRoot: true`. Confidence is medium: the image may already declare a non-root USER. When the container leaves two or more of the five restricted settings unset, `k8s/require-security-context` reports them together (the id and aliases of this rule still suppress this setting there). In a system namespace (`kube-system`, `kube-public`, `kube-node-lease`), and for a DaemonSet in `monitoring`, the finding is still reported but with low confidence and a note saying why: Polaris’s default configuration exempts the control-plane components, kube-proxy and kube-dns in `kube-system` from this check (`runAsRootAllowed`). A system name alone in another namespace does not lower it.',
    remediation:
      'Set `securityContext.runAsNonRoot: true` (pod level covers every container) and a numeric `runAsUser` above 10000; build the image with a numeric non-root `USER`.',
    category: 'security',
    severity: 'medium',
    fixable: true,
    confidence: 'medium',
    aliases: [
      'CKV_K8S_23',
      'KSV-0012',
      'kube-linter:run-as-non-root',
      'polaris:runAsRootAllowed',
      'kube-score:container-security-context-user-group-id',
    ],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 7, column: 19, endLine: 7, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object)) {
      if (isWindows(c.pod)) continue;
      const nonRoot = c.security('runAsNonRoot');
      const user = c.security('runAsUser');
      if (nonRoot && isTrue(nonRoot.value)) continue;
      if (user && Number(user.value) > 0) continue;
      // An explicit runAsUser: 0 is k8s/no-root-user's finding.
      if (user && Number(user.value) === 0) continue;
      if (nonRoot) {
        if (once(nonRoot.route))
          reportSystemAware(
            ctx,
            'k8s/run-as-non-root',
            object,
            object.at(nonRoot.route)!,
            `${capitalized(c.pod.label)} sets \`runAsNonRoot: false\`.`,
            'false',
          );
      } else if (user || reportsMissingAlone(c, 'k8s/run-as-non-root')) {
        const message = `The ${c.label} of ${c.pod.label} sets neither \`runAsNonRoot: true\` nor a non-root \`runAsUser\`.`;
        const system = systemContext(object, 'k8s/run-as-non-root');
        reportWithFix(
          ctx,
          object,
          c.anchor,
          system ? withNote(message, system.note) : message,
          c.name,
          hardeningFix(c, ['k8s/run-as-non-root']),
          system?.confidence,
        );
      }
    }
  },
});
