import { defineRule, type Severity } from '@plumbline/core';
import { asObj, asString, type K8sObject, type PodSpecView } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, onceEach, podsOf, sensitiveHostPath } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-sensitive-host-path',
  domain: k8sDomain,
  meta: {
    title: 'Pod mounts a sensitive path of the node',
    description:
      "A `hostPath` volume mounts the node's `/`, `/etc`, `/proc`, `/sys`, `/var/run`, `/var/lib/kubelet`, or a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`).",
    rationale:
      "Critical when writable: each of these is root on the node. The runtime socket starts privileged containers, `/etc` rewrites users and cron, `/var/lib/kubelet` holds the credentials of every pod on the node, `/proc` and `/sys` reach the kernel. One compromised container owns the node. A runtime socket stays critical when mounted `readOnly` (a read-only mount does not stop a client from talking to the socket). Other paths mounted read-only by every container that uses them are less: high for the node's credential stores (`/`, `/etc`, `/root`, `/home`, `/var/lib/kubelet`, `/etc/kubernetes`, SSH keys), which read-only still hands over; medium for the rest, such as the `/var/lib/docker/containers` logs that log shippers read.",
    remediation:
      'Remove the volume. Build images without docker-in-docker (use kaniko or BuildKit rootless), read node metrics through the kubelet or node-exporter, and confine real node agents to a locked-down namespace.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: [
      'CKV_K8S_27',
      'KSV-0006',
      'KSV-0121',
      'kube-linter:docker-sock',
      'kube-linter:sensitive-host-mounts',
    ],
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      invalid: [
        {
          filename: 'k8s/ci.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ci\nspec:\n  containers:\n    - name: ci\n      image: docker:27\n  volumes:\n    - name: docker\n      hostPath:\n        path: /var/run/docker.sock\n',
          errors: [{ line: 12, column: 15, endLine: 12, endColumn: 35 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/ci.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ci\nspec:\n  containers:\n    - name: ci\n      image: docker:27\n  volumes:\n    - name: cache\n      emptyDir: {}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const p of podsOf(object, { skipPartial: false })) {
      for (const v of p.volumes) {
        const path = asString(asObj(v.data.hostPath).path);
        if (path === undefined || !sensitiveHostPath(path) || !once(v.route)) continue;
        const writable = mountedWritable(p, v.name);
        const severity = severityOf(path, writable);
        ctx.report({
          at: object.at([...v.route, 'hostPath', 'path'])!,
          message: `${capitalized(p.label)} mounts the node's \`${path}\` (volume \`${v.name}\`${writable ? '' : ', read-only'}).`,
          evidence: path,
          container: object.loc,
          ...(severity !== 'critical' ? { severity } : {}),
        });
      }
    }
  },
});

/** Credential stores of the node: reading them is enough to take it over. */
const CREDENTIALS = /^\/(etc|root|home|var\/lib\/kubelet|etc\/kubernetes|etc\/ssh|etc\/shadow)?(\/|$)/;

function severityOf(path: string, writable: boolean): Severity {
  if (writable || /\.sock$/.test(path)) return 'critical';
  return CREDENTIALS.test(path.replace(/\/+$/, '') || '/') ? 'high' : 'medium';
}

/** True unless every container that mounts the volume mounts it `readOnly: true` (no mount seen: assume writable). */
function mountedWritable(pod: PodSpecView, volume: string): boolean {
  const mounts = pod.containers.flatMap((c) => {
    const list = c.data.volumeMounts;
    return Array.isArray(list) ? list.map(asObj).filter((m) => m.name === volume) : [];
  });
  if (mounts.length === 0) return true;
  return mounts.some((m) => m.readOnly !== true && m.readOnly !== 'true');
}
