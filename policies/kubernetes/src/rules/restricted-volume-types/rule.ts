import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { onceEach, podsOf, report } from '../../lib.js';

/** The volume types the restricted Pod Security Standard allows. */
const CORE = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

export default defineRule<K8sObject>({
  id: 'k8s/restricted-volume-types',
  domain: k8sDomain,
  meta: {
    title: 'Pod mounts a volume type outside the restricted set',
    description:
      'A pod declares an inline volume of a type the restricted Pod Security Standard forbids (`nfs`, `iscsi`, `rbd`, `cephfs`, `gitRepo`, `awsElasticBlockStore`, `flexVolume`...): anything but `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `persistentVolumeClaim`, `projected` and `secret`. `hostPath` is `k8s/no-host-path`’s finding.',
    rationale:
      'Low: inline storage volumes make the pod name the storage server and its credentials itself, outside the PersistentVolume objects administrators review; `gitRepo` runs git on the node with the pod’s input (CVE-2024-10220) and `flexVolume` runs a driver binary as root on the node. A namespace enforcing `restricted` rejects such pods.',
    remediation:
      'Claim storage through a PersistentVolumeClaim (the administrator’s PersistentVolume or StorageClass holds the server details), and replace `gitRepo` with an init container that clones into an `emptyDir`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['KSV-0028'],
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: reports\nspec:\n  containers:\n    - name: reports\n      image: reports:3.1\n  volumes:\n    - name: archive\n      nfs:\n        server: 10.0.4.12\n        path: /exports/reports\n',
          errors: [{ line: 11, column: 7, endLine: 11, endColumn: 10 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: reports\nspec:\n  containers:\n    - name: reports\n      image: reports:3.1\n  volumes:\n    - name: archive\n      persistentVolumeClaim:\n        claimName: reports-archive\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const pod of podsOf(object, { skipPartial: false })) {
      for (const volume of pod.volumes) {
        if (!once(volume.route)) continue;
        for (const type of Object.keys(volume.data)) {
          if (type === 'name' || type === 'hostPath' || CORE.has(type)) continue;
          const at = object.keyAt([...volume.route, type]);
          if (!at) continue;
          report(
            ctx,
            object,
            at,
            `${pod.label.charAt(0).toUpperCase()}${pod.label.slice(1)} mounts volume \`${volume.name}\` of type \`${type}\`.`,
            `${volume.name}:${type}`,
          );
        }
      }
    }
  },
});
