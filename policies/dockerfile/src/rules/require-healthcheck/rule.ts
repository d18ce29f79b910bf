import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { finalChain, report, spanOf } from '../../lib/index.js';

interface Options {
  /** Only images that EXPOSE a port (services); false also reports CLIs, jobs and workers (hadolint's DL3057). */
  onlyServices: boolean;
}

const bad = 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\n';

export default defineRule<import('@plumbline/lang-dockerfile').DockerfileModel, Options>({
  id: 'dockerfile/require-healthcheck',
  domain: dockerfileDomain,
  meta: {
    title: 'Service image has no HEALTHCHECK',
    description:
      'The final stage exposes a port (it is a service) but neither it nor the stages it builds on declare a `HEALTHCHECK`.',
    rationale:
      'Low: without a health check, Docker, Compose and Swarm report a hung or deadlocked service as "running" and never restart it. Kubernetes ignores `HEALTHCHECK` and uses probes instead, so for images that only run there this is hygiene, not a defect; images that expose no port (CLIs, build images, jobs) are not reported unless `onlyServices: false` (on in `strict`: a worker that listens on nothing can hang as well).',
    remediation:
      'Add `HEALTHCHECK CMD ["/app/healthcheck"]` (or a `curl -f http://localhost:PORT/health` in exec form) to the final stage, or `HEALTHCHECK NONE` to record that the orchestrator does the checking.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['DL3057', 'DS-0026', 'CKV_DOCKER_2'],
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    options: {
      schema: {
        type: 'object',
        properties: { onlyServices: { type: 'boolean' } },
        additionalProperties: false,
      },
      defaults: { onlyServices: true },
    },
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'nginx:1.27-alpine')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\nHEALTHCHECK CMD ["wget", "-qO-", "http://localhost/"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    const final = model.finalStage;
    if (!final) return;
    const chain = finalChain(model);
    const all = chain.flatMap((s) => s.instructions);
    if (all.some((i) => i.keyword === 'HEALTHCHECK')) return;
    const service = all.some((i) => i.keyword === 'EXPOSE');
    if (!service && ctx.options.onlyServices !== false) return;
    if (
      !service &&
      (final.image.scratch || !all.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))
    )
      return; // nothing runs by default: a base or data image
    report(
      ctx,
      final.image.stage ? final.from : final.image,
      final.from,
      service
        ? `The final stage (\`FROM ${final.image.raw}\`) exposes a port but declares no \`HEALTHCHECK\`.`
        : `The final stage (\`FROM ${final.image.raw}\`) declares no \`HEALTHCHECK\`.`,
    );
  },
});
