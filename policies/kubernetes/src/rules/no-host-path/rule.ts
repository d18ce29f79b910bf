import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, onceEach, podsOf, report, sensitiveHostPath } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-host-path',
  domain: k8sDomain,
  meta: {
    title: 'Pod mounts a path of the node',
    description:
      'A pod uses a `hostPath` volume. Sensitive paths (the node root, `/etc`, runtime sockets...) are reported by `k8s/no-sensitive-host-path`; this rule reports the others.',
    rationale:
      'Medium: a host path ties the pod to one node, escapes the storage quotas, and — when writable — lets a compromised container plant files the node or other pods will read. The baseline Pod Security Standard forbids hostPath volumes.',
    remediation:
      'Use an `emptyDir`, a ConfigMap/Secret, or a PersistentVolumeClaim. If a node agent must read host files, mount them `readOnly: true` and scope the path as narrowly as possible.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['KSV-0023', 'polaris:hostPathSet', 'kube-linter:writable-host-mount'],
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n  volumes:\n    - name: data\n      hostPath:\n        path: /data\n',
          errors: [{ line: 11, column: 7, endLine: 11, endColumn: 15 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const p of podsOf(object, { skipPartial: false })) {
      for (const v of p.volumes) {
        const hostPath = asObj(v.data.hostPath);
        const path = asString(hostPath.path);
        if (!('hostPath' in v.data) || (path !== undefined && sensitiveHostPath(path)) || !once(v.route))
          continue;
        const writable = p.containers.some((c) =>
          asArray(c.data.volumeMounts).some((m) => asObj(m).name === v.name && asObj(m).readOnly !== true),
        );
        report(
          ctx,
          object,
          object.keyAt([...v.route, 'hostPath'])!,
          `${capitalized(p.label)} mounts the node's \`${path ?? '?'}\`${writable ? ' writable' : ''} (volume \`${v.name}\`).`,
          path ?? v.name,
        );
      }
    }
  },
});
