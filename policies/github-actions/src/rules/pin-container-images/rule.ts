import { defineRule } from '@plumbline/core';
import { allSteps, type GhaUnit, type GhaValue, ghaDomain, type ImageRef } from '@plumbline/lang-yaml';
import { resourceOf } from '../../lib/util.js';

interface Options {
  /** Require a `@sha256:` digest, not just a version tag. */
  requireDigest: boolean;
}

export default defineRule<GhaUnit, Options>({
  id: 'gha/pin-container-images',
  domain: ghaDomain,
  meta: {
    title: 'Container image without a version',
    description:
      "A job `container:`, a `services:` image, a `docker://` step or a Docker action's `runs.image` uses no tag or `:latest`.",
    rationale:
      "An unversioned image changes under the workflow without a commit: builds stop being reproducible, a breaking release fails CI at random, and a compromised upstream image runs with the job's token and secrets. Medium; enable `requireDigest` to require immutable `@sha256:` digests.",
    remediation:
      'Use a version tag (`postgres:16.4`) or, better, a digest (`postgres:16.4@sha256:...`), updated by Dependabot or Renovate.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:unpinned-images'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainerimage',
    ],
    options: {
      schema: {
        type: 'object',
        properties: { requireDigest: { type: 'boolean' } },
        additionalProperties: false,
      },
      defaults: { requireDigest: false },
    },
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:latest\n    steps:\n      - run: make test\n',
          errors: [{ line: 7, column: 16, endLine: 7, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:16.4\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const check = (
      value: GhaValue | undefined,
      ref: ImageRef | undefined,
      what: string,
      resource?: string,
    ) => {
      if (!value || !ref || ref.digest) return;
      let problem: string | undefined;
      if (!ref.tag) problem = 'has no tag (it means `latest`)';
      else if (ref.tag.toLowerCase() === 'latest') problem = 'uses `latest`';
      else if (ctx.options.requireDigest) problem = `is pinned to the tag \`${ref.tag}\`, not a digest`;
      if (!problem) return;
      ctx.report({
        at: value.loc,
        message: `${what} \`${ref.raw}\` ${problem}.`,
        resource,
        evidence: ref.raw,
      });
    };
    if (unit.kind === 'workflow') {
      for (const job of unit.jobs) {
        if (job.container)
          check(job.container.image, job.container.imageRef, 'Job container', `jobs.${job.id}`);
        for (const s of job.services) check(s.image, s.imageRef, `Service \`${s.id}\``, `jobs.${job.id}`);
      }
    } else {
      check(unit.image, unit.imageRef, 'Action image');
    }
    for (const step of allSteps(unit)) {
      if (step.uses?.kind === 'docker')
        check(step.uses.value, step.uses.image, 'Step image', resourceOf(step));
    }
  },
});
