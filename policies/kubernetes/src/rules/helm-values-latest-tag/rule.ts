import { defineRule } from '@plumbline/core';
import { helmValuesDomain, valuesMaps } from '../../helm-values.js';

export default defineRule({
  id: 'k8s/helm-values-latest-tag',
  domain: helmValuesDomain,
  meta: {
    title: 'Helm values pin the image to `latest`',
    description:
      'A values file sets an image `tag: latest` (or `image: name:latest`), read without rendering the chart.',
    rationale:
      'Medium, low confidence: `latest` moves under a running release, so two pods of one Deployment can run different code and a rollback does not roll back. Read from values alone: the chart may ignore the key.',
    remediation: 'Set `tag` to a version that is never overwritten (`1.4.2`), ideally with a digest.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'low',
    aliases: [],
    examples: {
      invalid: [
        {
          filename: 'helm/my-app/values.yaml',
          code: "image:\n  repository: ghcr.io/myorg/my-app\n  tag: 'latest'\n",
          errors: [{ line: 3, column: 8, endLine: 3, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'helm/my-app/values.yaml',
          code: "image:\n  repository: ghcr.io/myorg/my-app\n  tag: '1.4.2'\n",
        },
      ],
    },
  },
  check(doc, ctx) {
    for (const { route, map } of valuesMaps(doc.data)) {
      const parent = route[route.length - 1];
      const imageLike =
        typeof map.repository === 'string' || parent === 'image' || String(parent).endsWith('Image');
      if (imageLike && typeof map.tag === 'string' && map.tag.trim() === 'latest') {
        const at = doc.at([...route, 'tag']);
        if (at)
          ctx.report({
            at,
            message: `\`${[...route, 'tag'].join('.')}\` is \`latest\`.`,
            evidence: [...route, 'tag'].join('.'),
          });
      }
      if (typeof map.image === 'string' && /:latest$/.test(map.image.trim())) {
        const at = doc.at([...route, 'image']);
        if (at)
          ctx.report({
            at,
            message: `\`${[...route, 'image'].join('.')}\` uses \`${map.image.trim()}\`.`,
            evidence: [...route, 'image'].join('.'),
          });
      }
    }
  },
});
