import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hardeningFix } from '../../fix/hardening-fix.js';
import { reportWithFix } from '../../fix/report.js';
import { reportsMissingAlone } from '../../hardening.js';
import { containersOf, isWindows } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-seccomp-profile',
  domain: k8sDomain,
  meta: {
    title: 'Container without a seccomp profile',
    description:
      'Neither the container nor its pod sets `securityContext.seccompProfile` (`RuntimeDefault` or `Localhost`), so the container may run with seccomp disabled (the kubelet default is `Unconfined` unless the cluster turns on `SeccompDefault`).',
    rationale:
      'Low: seccomp blocks the rarely used system calls that most kernel exploits need; without it a container escape needs one kernel bug fewer. Many clusters now default to RuntimeDefault, hence low. The restricted Pod Security Standard requires it. When the container leaves two or more of the five restricted settings unset, `k8s/require-security-context` reports them together (the id and aliases of this rule still suppress this setting there).',
    remediation:
      'Set `securityContext.seccompProfile: {type: RuntimeDefault}` at pod level (it covers every container).',
    category: 'security',
    severity: 'low',
    fixable: true,
    confidence: 'high',
    aliases: ['CKV_K8S_31', 'KSV-0030', 'kube-score:container-seccomp-profile'],
    references: ['https://kubernetes.io/docs/tutorials/security/seccomp/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n        capabilities:\n          drop: ["ALL"]\n',
          errors: [{ line: 9, column: 7, endLine: 9, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object)) {
      if (isWindows(c.pod) || c.seccompType() || !reportsMissingAlone(c, 'k8s/require-seccomp-profile'))
        continue;
      reportWithFix(
        ctx,
        object,
        c.anchor,
        `The ${c.label} of ${c.pod.label} runs without a seccomp profile.`,
        c.name,
        hardeningFix(c, ['k8s/require-seccomp-profile']),
      );
    }
  },
});
