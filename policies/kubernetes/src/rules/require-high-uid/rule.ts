import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, containersOf, isWindows, onceEach, report } from '../../lib.js';

const LIMIT = 10000;

export default defineRule<K8sObject>({
  id: 'k8s/require-high-uid',
  domain: k8sDomain,
  meta: {
    title: 'Container runs with a UID or GID of 10000 or below',
    description:
      'A container’s effective `runAsUser` or `runAsGroup` is set to a value from 1 to 10000. Root (0) is `k8s/no-root-user` and `k8s/no-root-group`; an unset value is `k8s/run-as-non-root`’s concern. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: low IDs are the ones the node’s own accounts use (`1000` is the first login user on most distributions), so a process that escapes its container lands as a real host user with that user’s files; an ID above 10000 owns nothing on the host.',
    remediation:
      'Run as a dedicated ID above 10000 (`runAsUser: 10001`, `runAsGroup: 10001`), and build the image with that user.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['KSV-0020', 'KSV-0021', 'CKV_K8S_40'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 1000\n  containers:\n    - name: api\n      image: api:1.4\n',
          errors: [{ line: 7, column: 16, endLine: 7, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n  containers:\n    - name: api\n      image: api:1.4\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object, { skipPartial: false })) {
      if (isWindows(c.pod)) continue;
      for (const [field, what] of [
        ['runAsUser', 'UID'],
        ['runAsGroup', 'GID'],
      ] as const) {
        const setting = c.security(field);
        const id = typeof setting?.value === 'number' ? setting.value : Number.NaN;
        if (!setting || !(id > 0 && id <= LIMIT) || !once(setting.route)) continue;
        const who = setting.from === 'pod' ? c.pod.label : `the ${c.label} of ${c.pod.label}`;
        report(
          ctx,
          object,
          object.at(setting.route)!,
          `${capitalized(who)} runs with ${what} ${id} (10000 or below).`,
          `${c.name}:${field}:${setting.from}`,
        );
      }
    }
  },
});
