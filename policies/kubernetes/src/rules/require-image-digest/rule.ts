import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, parseImage, report } from '../../lib.js';

interface Options {
  /** Image name prefixes exempt from the rule (e.g. your own registry, whose tags are immutable). */
  allow: string[];
}

export default defineRule<K8sObject, Options>({
  id: 'k8s/require-image-digest',
  domain: k8sDomain,
  meta: {
    title: 'Image not pinned by digest',
    description:
      'A container image is referenced by tag only; tags can be moved to other content, digests cannot. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: with a versioned tag the risk is a re-pushed or compromised tag, rarer than `latest` drift; digests make deployments exactly reproducible and tamper-evident. Off by default because many teams rely on immutable tags in their own registry.',
    remediation:
      'Append the digest: `app:1.4.2@sha256:…` (Renovate and Dependabot keep it current), or exempt registries with immutable tags through the `allow` option.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_43'],
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    options: {
      schema: {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description: 'Image prefixes exempt from the rule.',
          },
        },
        additionalProperties: false,
      },
      defaults: { allow: [] },
    },
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
          errors: [{ line: 8, column: 14, endLine: 8, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const image = c.image;
      if (!image || isTemplated(image) || parseImage(image).digest) continue;
      if (k8sGraph(ctx.project).kustomizeImageOverride(object, parseImage(image.trim()).name)) continue;
      if (ctx.options.allow.some((prefix) => image.startsWith(prefix))) continue;
      report(
        ctx,
        object,
        c.at(['image'])!,
        `The ${c.label} of ${c.pod.label} uses \`${image}\` without a digest.`,
        image,
      );
    }
  },
});
