import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { flipSetting, hardeningFix } from '../../fix/hardening-fix.js';
import { reportWithFix } from '../../fix/report.js';
import { reportsMissingAlone } from '../../hardening.js';
import { containersOf, isTrue, isWindows } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-read-only-root-fs',
  domain: k8sDomain,
  meta: {
    title: 'Container root filesystem is writable',
    description: 'A container does not set `securityContext.readOnlyRootFilesystem: true`.',
    rationale:
      'Low: a writable root filesystem lets an intruder drop tools and persist changes in the running container, and lets a bug fill the node disk; a read-only one with explicit `emptyDir` mounts for scratch space removes both at little cost. It hardens rather than closes a hole, hence low. When the container leaves two or more of the five restricted settings unset, `k8s/require-security-context` reports them together (the id and aliases of this rule still suppress this setting there).',
    remediation:
      'Set `readOnlyRootFilesystem: true` and mount an `emptyDir` at the paths the program writes to (`/tmp`, caches).',
    category: 'security',
    severity: 'low',
    fixable: true,
    confidence: 'high',
    aliases: [
      'CKV_K8S_22',
      'KSV-0014',
      'kube-linter:no-read-only-root-fs',
      'polaris:notReadOnlyRootFilesystem',
      'kube-score:container-security-context-readonlyrootfilesystem',
    ],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        readOnlyRootFilesystem: false\n',
          errors: [{ line: 10, column: 33, endLine: 10, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        readOnlyRootFilesystem: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { kinds: ['container', 'init'] })) {
      if (isWindows(c.pod)) continue;
      const setting = c.own('securityContext', 'readOnlyRootFilesystem');
      if (setting && isTrue(setting.value)) continue;
      if (!setting && !reportsMissingAlone(c, 'k8s/require-read-only-root-fs')) continue;
      const at = setting ? object.at(setting.route)! : (c.keyAt(['securityContext']) ?? c.anchor);
      const fix = setting
        ? flipSetting(
            c,
            'readOnlyRootFilesystem',
            true,
            `Make the root filesystem of the ${c.label} read-only`,
          )
        : hardeningFix(c, ['k8s/require-read-only-root-fs']);
      reportWithFix(
        ctx,
        object,
        at,
        `The ${c.label} of ${c.pod.label} has a writable root filesystem.`,
        c.name,
        fix,
      );
    }
  },
});
