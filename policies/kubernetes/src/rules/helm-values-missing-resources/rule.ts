import { defineRule } from '@plumbline/core';
import { isObj } from '@plumbline/lang-yaml';
import { helmValuesDomain, valuesMaps } from '../../helm-values.js';

export default defineRule({
  id: 'k8s/helm-values-missing-resources',
  domain: helmValuesDomain,
  meta: {
    title: 'Helm values set no resources for an image',
    description:
      'A values block that sets an `image` (with `repository`) has no `resources`, or an empty one, under the conventional keys.',
    rationale:
      'Low, low confidence: without requests the scheduler packs pods blindly and without a memory limit one pod can starve its node. Read from values alone: the chart may set defaults in its templates.',
    remediation: 'Set `resources.requests` (cpu, memory) and `resources.limits.memory` next to the `image`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'low',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'helm/my-app/values.yaml',
          code: 'image:\n  repository: ghcr.io/myorg/my-app\n  tag: 1.4.2\nresources: {}\n',
          errors: [{ line: 4, column: 1, endLine: 4, endColumn: 10 }],
        },
      ],
      valid: [
        {
          filename: 'helm/my-app/values.yaml',
          code: 'image:\n  repository: ghcr.io/myorg/my-app\n  tag: 1.4.2\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n',
        },
      ],
    },
  },
  check(doc, ctx) {
    for (const { route, map } of valuesMaps(doc.data)) {
      if (!isObj(map.image) || typeof map.image.repository !== 'string') continue;
      const resources = map.resources;
      const empty = isObj(resources) && Object.keys(resources).length === 0;
      if (resources !== undefined && !empty) continue;
      const where = route.length ? `\`${route.join('.')}\`` : 'the top level';
      const at =
        resources === undefined ? doc.keyAt([...route, 'image']) : doc.keyAt([...route, 'resources']);
      if (at)
        ctx.report({
          at,
          message: `The image at ${where} has ${empty ? 'an empty `resources`' : 'no `resources`'}.`,
          evidence: [...route, 'resources'].join('.'),
        });
    }
  },
});
