import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const latest = 'FROM nginx:latest\nCOPY site/ /usr/share/nginx/html/\n';
const untagged = 'FROM python AS build\nRUN pip wheel -w /wheels .\n';

export default defineRule({
  id: 'dockerfile/no-latest-tag',
  domain: dockerfileDomain,
  meta: {
    title: 'Base image uses the `latest` tag or no tag',
    description:
      'A `FROM` names an image with the tag `latest`, or with no tag and no digest (which Docker reads as `latest`).',
    rationale:
      'Medium: `latest` moves whenever the publisher pushes, so two builds of the same commit can ship different operating systems, runtimes and vulnerabilities, and a rollback rebuild is not a rollback. It is a supply-chain and reliability risk rather than an exploitable flaw, hence medium.',
    remediation:
      'Pin a release tag (`FROM node:20.12-bookworm-slim`), and for reproducible builds also the digest (`FROM node:20.12-bookworm-slim@sha256:...`), updated by Renovate or Dependabot.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3006', 'DL3007', 'DS-0001', 'CKV_DOCKER_7'],
    references: ['https://docs.docker.com/build/building/best-practices/#from'],
    examples: {
      invalid: [
        { filename: 'Dockerfile', code: latest, errors: [spanOf(latest, 'latest')] },
        { filename: 'Dockerfile', code: untagged, errors: [spanOf(untagged, 'python')] },
      ],
      valid: [
        { filename: 'Dockerfile', code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n' },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (image.scratch || image.stage || image.digest) continue;
      if (!image.complete) {
        // `FROM ${BASE}` without a default: the value comes from the build; nothing to judge.
        continue;
      }
      if (image.tag === undefined) {
        // `FROM $BASE_IMAGE` whose ARG default has no tag: CI passes the real reference with
        // --build-arg; only a literal untagged name is a mistake in the file.
        if (image.raw.includes('$')) continue;
        report(
          ctx,
          image,
          stage.from,
          `\`FROM ${image.raw}\` has no tag, so it pulls \`latest\`.`,
          image.value,
        );
      } else if (image.tag === 'latest') {
        report(
          ctx,
          image.tagLoc ?? image,
          stage.from,
          `\`FROM ${image.raw}\` uses the moving \`latest\` tag.`,
          image.value,
        );
      }
    }
  },
});
