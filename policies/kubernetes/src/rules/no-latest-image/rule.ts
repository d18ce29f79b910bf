import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, parseImage, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-latest-image',
  domain: k8sDomain,
  meta: {
    title: 'Image without a version tag, or tagged latest',
    description:
      'A container (or Argo workflow step) uses an image with no tag or the `:latest` tag, and no digest.',
    rationale:
      'Medium: what runs changes whenever someone pushes, so two replicas can run different code, a rollback redeploys the broken version, and a compromised upstream push goes straight to the cluster. Nothing is exposed directly, but reproducibility and supply-chain control are lost.',
    remediation:
      'Pin a version tag that is never overwritten (`app:1.4.2`, `app:sha-abc123`), ideally with its digest (`app:1.4.2@sha256:...`).',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [
      'CKV_K8S_14',
      'KSV-0013',
      'kube-linter:latest-tag',
      'polaris:tagNotSpecified',
      'kube-score:container-image-tag',
    ],
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/org/app:latest\n',
          errors: [{ line: 8, column: 14, endLine: 8, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/org/app:1.4.2\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const image = c.image;
      if (!image || isTemplated(image)) continue;
      // A kustomization of the same unit that pins the tag (not to `latest`) or a digest decides.
      const override = k8sGraph(ctx.project).kustomizeImageOverride(object, parseImage(image.trim()).name);
      if (override && (override.digest || (override.tag && override.tag !== 'latest'))) continue;
      const { tag, digest } = parseImage(image.trim());
      if (digest) continue;
      if (tag !== undefined && tag !== 'latest') continue;
      const why = tag === 'latest' ? 'the mutable `latest` tag' : 'no tag (so `latest`)';
      report(
        ctx,
        object,
        c.at(['image'])!,
        `The ${c.label} of ${c.pod.label} uses \`${image}\` with ${why}.`,
        image,
      );
    }
  },
});
