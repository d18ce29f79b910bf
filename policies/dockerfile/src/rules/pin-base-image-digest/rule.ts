import { defineRule } from '@plumbline/core';
import { type DockerfileModel, dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

interface Options {
  /** Image names (without tag) or prefixes ending in `/` that need no digest, e.g. your own registry. */
  ignore: string[];
}

const bad = 'FROM python:3.12-slim\n';

export default defineRule<DockerfileModel, Options>({
  id: 'dockerfile/pin-base-image-digest',
  domain: dockerfileDomain,
  meta: {
    title: 'Base image not pinned by digest',
    description: 'A `FROM` names its image by tag only; tags are mutable, digests are not.',
    rationale:
      'Low: a tag such as `3.12-slim` is re-pushed for every patch release (which is mostly what you want), but also when a publisher or a compromised account pushes something else. Pinning the digest makes builds reproducible and a swap visible in review; it costs an update bot. Opt-in because it is a policy choice.',
    remediation:
      'Append the digest: `FROM python:3.12-slim@sha256:<digest>` (`docker buildx imagetools inspect python:3.12-slim` prints it), and let Renovate or Dependabot update tag and digest together.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: [],
    references: ['https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    options: {
      schema: {
        type: 'object',
        properties: { ignore: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaults: { ignore: [] },
    },
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'python:3.12-slim')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim@sha256:0b23cfb7425d065008b778022a17b1551c82f8b4866ee5a7a200084b7e2eafbf\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (image.scratch || image.stage || image.digest || !image.complete) continue;
      const name = `${image.registry ? `${image.registry}/` : ''}${image.repository}`;
      if (ctx.options.ignore.some((i) => name === i || (i.endsWith('/') && name.startsWith(i)))) continue;
      report(ctx, image, stage.from, `\`FROM ${image.raw}\` is not pinned by digest.`);
    }
  },
});
