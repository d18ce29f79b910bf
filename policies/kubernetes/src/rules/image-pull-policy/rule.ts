import { defineRule } from '@plumbline/core';
import { asString, type ContainerView, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { reportWithFix } from '../../fix/report.js';
import { addToMap, indentStep, replaceScalar } from '../../fix/yaml-edits.js';
import { containersOf, isTemplated, parseImage } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/image-pull-policy',
  domain: k8sDomain,
  meta: {
    title: 'Cached image may be used for a tag that has moved',
    description:
      'A container image is not pinned by digest and its pull policy (explicit, or the default `IfNotPresent` for versioned tags) is not `Always`, so a node keeps running whatever it cached under that tag. Opt-in (strict preset).',
    rationale:
      "Low: with immutable tags this never matters; with mutable ones nodes silently diverge, and on a shared node a pod may use an image pulled with someone else's registry credentials. Off by default because pinning digests is the better fix.",
    remediation: 'Pin the image by digest (preferred), or set `imagePullPolicy: Always`.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'medium',
    fixable: true,
    optIn: true,
    aliases: ['CKV_K8S_15', 'polaris:pullPolicyNotAlways', 'kube-score:container-image-pull-policy'],
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      imagePullPolicy: IfNotPresent\n',
          errors: [{ line: 9, column: 24, endLine: 9, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      imagePullPolicy: Always\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      const image = c.image;
      if (!image || isTemplated(image)) continue;
      // Kustomize sets the tag (or digest) of this image through `images:`.
      if (k8sGraph(ctx.project).kustomizeImageOverride(object, parseImage(image.trim()).name)) continue;
      const { tag, digest } = parseImage(image);
      if (digest) continue;
      const policy =
        asString(c.data.imagePullPolicy) ??
        (tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent');
      if (policy === 'Always') continue;
      const at = c.at(['imagePullPolicy']) ?? c.at(['image'])!;
      reportWithFix(
        ctx,
        object,
        at,
        `The ${c.label} of ${c.pod.label} pulls \`${image}\` with policy \`${policy}\`.`,
        image,
        alwaysPullFix(c, policy),
      );
    }
  },
});

/**
 * `imagePullPolicy: Always`: replacing `IfNotPresent`, or added after `image:`. `Never` is left
 * alone (images preloaded on the nodes, an air-gapped or local cluster): a choice, not an oversight.
 */
function alwaysPullFix(c: ContainerView, policy: string) {
  const description = `Pull \`${c.image}\` on every start of the ${c.label} (pinning a digest is better still)`;
  if (c.data.imagePullPolicy !== undefined) {
    if (policy !== 'IfNotPresent') return undefined;
    const edit = replaceScalar(c.object, [...c.route, 'imagePullPolicy'], 'Always');
    return edit ? { description, edits: [edit] } : undefined;
  }
  const edits = addToMap(
    c.object,
    c.route,
    { imagePullPolicy: 'Always' },
    { step: indentStep(c.object, c.route), after: 'image' },
  );
  return edits?.length ? { description, edits } : undefined;
}
