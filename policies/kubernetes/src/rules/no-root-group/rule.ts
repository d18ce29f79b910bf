import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, containersOf, isWindows, onceEach, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-root-group',
  domain: k8sDomain,
  meta: {
    title: 'Container runs with the root group',
    description:
      'A container’s effective `runAsGroup` is 0, or the pod sets `fsGroup: 0` or lists 0 in `supplementalGroups`.',
    rationale:
      'Low: group 0 owns many system files that are group-writable or group-readable, so a process in it reaches more of the image (and of the node, after an escape) than a dedicated group would; volumes are chowned to root’s group. It does not grant root’s capabilities, hence low.',
    remediation:
      'Use a dedicated non-zero group for `runAsGroup` and `fsGroup` (e.g. `10001`) and leave 0 out of `supplementalGroups`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['KSV-0116'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 0\n  containers:\n    - name: api\n      image: api:1.4\n',
          errors: [{ line: 8, column: 17, endLine: 8, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n    fsGroup: 10001\n  containers:\n    - name: api\n      image: api:1.4\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    const isZero = (v: unknown) => v === 0 || v === '0';
    for (const c of containersOf(object, { skipPartial: false })) {
      if (isWindows(c.pod)) continue;
      const group = c.security('runAsGroup');
      if (group && isZero(group.value) && once(group.route)) {
        const who = group.from === 'pod' ? c.pod.label : `the ${c.label} of ${c.pod.label}`;
        report(
          ctx,
          object,
          object.at(group.route)!,
          `${capitalized(who)} runs with GID 0.`,
          `${c.name}:${group.from}`,
        );
      }
      const fsGroup = c.pod.podSecurity('fsGroup');
      if (fsGroup && isZero(fsGroup.value) && once(fsGroup.route))
        report(
          ctx,
          object,
          object.at(fsGroup.route)!,
          `${capitalized(c.pod.label)} sets \`fsGroup: 0\`.`,
          'fsGroup',
        );
      const extra = c.pod.podSecurity<unknown[]>('supplementalGroups');
      if (extra && Array.isArray(extra.value)) {
        extra.value.forEach((g, i) => {
          const route = [...extra.route, i];
          if (!isZero(g) || !once(route)) return;
          report(
            ctx,
            object,
            object.at(route)!,
            `${capitalized(c.pod.label)} adds group 0 to \`supplementalGroups\`.`,
            'supplementalGroups',
          );
        });
      }
    }
  },
});
