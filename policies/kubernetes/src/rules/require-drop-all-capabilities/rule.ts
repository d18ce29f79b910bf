import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { dropAllFix, hardeningFix } from '../../fix/hardening-fix.js';
import { reportWithFix } from '../../fix/report.js';
import { dropsAll, reportsMissingAlone } from '../../hardening.js';
import { containersOf, isWindows } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-drop-all-capabilities',
  domain: k8sDomain,
  meta: {
    title: 'Container keeps the default capabilities',
    description:
      'A container does not set `securityContext.capabilities.drop: ["ALL"]`, so it keeps the runtime\'s default set (including `NET_RAW`, `CHOWN`, `SETUID`, `DAC_OVERRIDE`...).',
    rationale:
      'Low: the default set is limited and most workloads never use it, but `NET_RAW` allows packet spoofing on the pod network and the others help an attacker who already runs code in the container. The restricted Pod Security Standard requires dropping ALL. When the container leaves two or more of the five restricted settings unset, `k8s/require-security-context` reports them together (the id and aliases of this rule still suppress this setting there).',
    remediation:
      'Add `capabilities: {drop: ["ALL"]}` to the container\'s `securityContext`, and `add` back only what is needed (usually `NET_BIND_SERVICE` at most).',
    category: 'security',
    severity: 'low',
    fixable: true,
    confidence: 'high',
    aliases: ['CKV_K8S_37', 'CKV_K8S_28', 'KSV-0003', 'KSV-0004', 'kube-linter:drop-net-raw-capability'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          drop: ["NET_RAW"]\n',
          errors: [{ line: 11, column: 11, endLine: 11, endColumn: 15 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object)) {
      if (isWindows(c.pod)) continue;
      if (dropsAll(c)) continue;
      const drop = c.own('securityContext', 'capabilities', 'drop');
      if (!drop && !reportsMissingAlone(c, 'k8s/require-drop-all-capabilities')) continue;
      const at =
        c.keyAt(['securityContext', 'capabilities', 'drop']) ??
        c.keyAt(['securityContext', 'capabilities']) ??
        c.keyAt(['securityContext']) ??
        c.anchor;
      const fix = drop ? dropAllFix(c) : hardeningFix(c, ['k8s/require-drop-all-capabilities']);
      reportWithFix(
        ctx,
        object,
        at,
        `The ${c.label} of ${c.pod.label} does not drop ALL capabilities.`,
        c.name,
        fix,
      );
    }
  },
});
