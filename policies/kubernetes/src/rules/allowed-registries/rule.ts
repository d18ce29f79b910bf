import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, isTemplated, parseImage } from '../../lib.js';

interface Options {
  /**
   * Allowed registries: hosts (`registry.corp.example`), host/path prefixes
   * (`ghcr.io/acme`), host suffixes (`*.corp.example`) or the cloud shorthands `acr`, `ecr`, `gcr`.
   * Empty: every registry but the public ones is allowed.
   */
  registries: string[];
}

const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/** Registries anyone can publish to or that serve the public images of a project. */
const PUBLIC = new Set([
  ...DOCKER_HUB,
  'ghcr.io',
  'quay.io',
  'public.ecr.aws',
  'registry.k8s.io',
  'k8s.gcr.io',
  'mcr.microsoft.com',
  'registry.gitlab.com',
]);

/** The cloud registries Trivy's KSV-0032 (ACR), KSV-0035 (ECR) and KSV-0033 (GCR) require. */
const CLOUD: Record<string, (host: string) => boolean> = {
  acr: (h) => /\.azurecr\.(io|cn|us)$/.test(h),
  ecr: (h) => /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(h),
  gcr: (h) => h === 'gcr.io' || h.endsWith('.gcr.io') || h.endsWith('-docker.pkg.dev'),
};

/** Registry host and repository path of an image reference (Docker Hub when no host is named). */
export function imageRegistry(image: string): { host: string; path: string } {
  const name = parseImage(image.trim()).name.toLowerCase();
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return { host: DOCKER_HUB.has(first) ? 'docker.io' : first, path: name.slice(slash + 1) };
  return { host: 'docker.io', path: slash < 0 ? `library/${name}` : name };
}

function allowedBy(entry: string, host: string, path: string): boolean {
  const e = entry.trim().toLowerCase().replace(/\/+$/, '');
  const cloud = CLOUD[e];
  if (cloud) return cloud(host);
  if (e.startsWith('*.')) return host.endsWith(e.slice(1));
  const hostOf = (DOCKER_HUB.has(e.split('/')[0]!) ? 'docker.io' : e.split('/')[0])!;
  const prefix = e.split('/').slice(1).join('/');
  return hostOf === host && (prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

export default defineRule<K8sObject, Options>({
  id: 'k8s/allowed-registries',
  domain: k8sDomain,
  meta: {
    title: 'Image from a registry that is not allowed',
    description:
      'A container image comes from a registry outside the `registries` option. Without the option, images from public registries (Docker Hub, named or implied, `ghcr.io`, `quay.io`, `public.ecr.aws`, `registry.k8s.io`, `mcr.microsoft.com`...) are reported. The shorthands `acr`, `ecr` and `gcr` stand for Azure Container Registry, Amazon ECR private registries and Google Container/Artifact Registry. Opt-in (the strict preset turns it on).',
    rationale:
      'Medium when a `registries` list is configured (low without one: an organisation may keep its own images on `ghcr.io` or Docker Hub). Images pulled straight from public registries skip the organisation’s scanning, signing and mirroring, can be replaced or deleted by their publisher, and make every node depend on the registry’s availability and rate limits; a registry host typed wrong is a direct supply-chain compromise. Opt-in because only the organisation knows which registries it trusts.',
    remediation:
      'Mirror the images into your registry (or a pull-through cache) and reference them there; list your registries with `rules: { k8s/allowed-registries: { options: { registries: [ecr, registry.corp.example] } } }`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['KSV-0032', 'KSV-0033', 'KSV-0034', 'KSV-0035', 'KSV-0125'],
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    options: {
      schema: {
        type: 'object',
        properties: {
          registries: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Allowed registries: host, host/path prefix, *.suffix, or acr, ecr, gcr. Empty: all but public registries.',
          },
        },
        additionalProperties: false,
      },
      defaults: { registries: [] },
    },
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  containers:\n    - name: redis\n      image: redis:7.4\n',
          errors: [{ line: 8, column: 14, endLine: 8, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  containers:\n    - name: redis\n      image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/mirror/redis:7.4\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const allow = ctx.options.registries;
    for (const c of containersOf(object, { skipPartial: false })) {
      const image = c.image;
      if (!image || isTemplated(image)) continue;
      // A kustomization may rename the image (`newName`): the manifest does not say where it comes from.
      if (k8sGraph(ctx.project).kustomizeImageOverride(object, parseImage(image.trim()).name)) continue;
      const { host, path } = imageRegistry(image);
      const ok = allow.length === 0 ? !PUBLIC.has(host) : allow.some((e) => allowedBy(e, host, path));
      if (ok) continue;
      const listed = allow.length > 0;
      ctx.report({
        at: c.at(['image'])!,
        message: `The ${c.label} of ${c.pod.label} pulls \`${image}\` from ${listed ? 'registry' : 'the public registry'} \`${host}\`${listed ? ', which is not allowed' : ''}.`,
        container: object.loc,
        evidence: image,
        // Without a list the rule cannot know whether the organisation hosts its own images there.
        ...(listed ? {} : { severity: 'low' as const }),
      });
    }
  },
});
