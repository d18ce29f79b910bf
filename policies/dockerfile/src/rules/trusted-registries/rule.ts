import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

interface Options {
  registries: string[];
}

const bad = 'FROM quay.io/someone/tool:1.0\n';

export default defineRule<import('@plumbline/lang-dockerfile').DockerfileModel, Options>({
  id: 'dockerfile/trusted-registries',
  domain: dockerfileDomain,
  meta: {
    title: 'Base image from a registry that is not allowed',
    description: 'A `FROM` pulls from a registry that is not in the configured allow-list (`registries`).',
    rationale:
      'Medium: images from unvetted registries bypass the organisation’s scanning, mirroring and signing, and a typo-squatted registry host is a direct supply-chain compromise. Opt-in because only the organisation knows its registries.',
    remediation:
      'Pull base images through an allowed registry (your mirror or `docker.io`), or add the registry to `rules: { dockerfile/trusted-registries: { options: { registries: [...] } } }`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['DL3026'],
    references: ['https://github.com/hadolint/hadolint#configure'],
    options: {
      schema: {
        type: 'object',
        properties: { registries: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaults: {
        registries: [
          'docker.io',
          'ghcr.io',
          'gcr.io',
          'mcr.microsoft.com',
          'public.ecr.aws',
          'registry.k8s.io',
          'quay.io/prometheus',
          'cgr.dev',
        ],
      },
    },
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'quay.io/someone/tool:1.0')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nFROM ghcr.io/acme/base:1.4\n' }],
    },
  },
  check(model, ctx) {
    const allowed = ctx.options.registries.map((r) => r.toLowerCase().replace(/\/+$/, ''));
    if (allowed.length === 0) return;
    for (const stage of model.stages) {
      const image = stage.image;
      if (image.scratch || image.stage || !image.complete) continue;
      const registry = (image.registry ?? 'docker.io').toLowerCase();
      const full = `${registry}/${image.repository.toLowerCase()}`;
      const ok = allowed.some(
        (a) =>
          registry === a ||
          full === a ||
          full.startsWith(`${a}/`) ||
          (a === 'docker.io' && registry === 'index.docker.io'),
      );
      if (!ok)
        report(
          ctx,
          image,
          stage.from,
          `\`FROM ${image.raw}\` pulls from \`${registry}\`, which is not an allowed registry.`,
        );
    }
  },
});
