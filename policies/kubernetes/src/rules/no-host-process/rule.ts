import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTrue, onceEach, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-host-process',
  domain: k8sDomain,
  meta: {
    title: 'Windows HostProcess container',
    description: 'A container or pod sets `securityContext.windowsOptions.hostProcess: true`: on Windows nodes it runs directly on the host, outside any container isolation.',
    rationale: 'High: a HostProcess container is the Windows equivalent of a privileged container with host networking — full access to the node. The baseline Pod Security Standard forbids it.',
    remediation: 'Remove `hostProcess: true`; keep true node agents in a dedicated namespace with a documented exception.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0103', 'polaris:hostProcess'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/agent.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n  hostNetwork: true\n  containers:\n    - name: agent\n      image: agent:1.0\n',
          errors: [{ line: 8, column: 20, endLine: 8, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/agent.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: agent:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const once = onceEach();
    for (const c of containersOf(object, { skipPartial: false })) {
      const options = c.security<Record<string, unknown>>('windowsOptions');
      if (!options || !isTrue(options.value?.hostProcess)) continue;
      const route = [...options.route, 'hostProcess'];
      if (!once(route)) continue;
      report(ctx, object, object.at(route)!, `${options.from === 'pod' ? c.pod.label : `The ${c.label} of ${c.pod.label}`} runs as a Windows HostProcess container.`, c.name);
    }
  },
});
