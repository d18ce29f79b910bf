import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { onceEach, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-host-aliases',
  domain: k8sDomain,
  meta: {
    title: 'Pod writes its own /etc/hosts entries',
    description:
      'A pod sets `hostAliases`, so the kubelet writes fixed name-to-address entries into every container’s `/etc/hosts`. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: the entries bypass cluster DNS, so they go stale silently when the address moves, can point a trusted name at another host, and hide the dependency from whoever reviews DNS. Sometimes the only way to reach a legacy host, hence opt-in.',
    remediation:
      'Publish the name through DNS instead: a Service of type `ExternalName`, a headless Service with Endpoints, or a CoreDNS `hosts` entry managed by the platform team.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['KSV-0007'],
    references: ['https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: billing\nspec:\n  hostAliases:\n    - ip: "10.20.0.15"\n      hostnames: ["ledger.internal"]\n  containers:\n    - name: billing\n      image: billing:2.3\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: billing\nspec:\n  containers:\n    - name: billing\n      image: billing:2.3\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const pod of podsOf(object, { skipPartial: false })) {
      const aliases = pod.field('hostAliases');
      if (!aliases || !Array.isArray(aliases.value) || aliases.value.length === 0 || !once(aliases.route))
        continue;
      report(
        ctx,
        object,
        object.keyAt(aliases.route)!,
        `${pod.label.charAt(0).toUpperCase()}${pod.label.slice(1)} sets \`hostAliases\`.`,
        'hostAliases',
      );
    }
  },
});
