import { type Confidence, defineRule, type Severity } from '@plumbline/core';
import { type DockerfileModel, dockerfileDomain, type ImageRef } from '@plumbline/lang-dockerfile';
import { userFix } from '../../lib/fixes.js';
import { finalChain, type Instruction, type Stage, spanOf } from '../../lib/index.js';

const ROOT = /^(root|0)(:.*)?$/;
/** Base images that already run as an unprivileged user. */
const NONROOT_IMAGE = /(^|[-:_.])nonroot([-_.]|$)/;

const bad = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n';
const none = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

/** Entrypoint helpers that start the service as another user after root-only setup. */
const DROPS_PRIVILEGES = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|setuidgid|chpst)\b/;
/** Stage names of images that are built from, not run (`docker build --target build`). */
const BUILDER_STAGE =
  /^(build|builder|builds|build-.+|.+-build|.+-builder|compile|compiler|deps|dependencies|toolchain)$/;
/** Instructions that do not make an image of their own (a FROM-only file pins an image for update bots). */
const DECLARATIVE = new Set(['FROM', 'ARG', 'LABEL', 'MAINTAINER']);

interface Options {
  /** Also report a missing USER when the base image is not a Docker Official Image (whose user we cannot see). */
  unknownBaseImages: boolean;
}

/**
 * Docker Official Images (`node`, `python`, `debian`, `docker.io/library/...`) and `scratch` run
 * as root unless told otherwise. Other bases (`quay.io/jupyter/...`, `bitnami/...`, your own) often
 * set a non-root USER themselves, which a Dockerfile scan cannot see.
 */
function rootByDefault(image: ImageRef): boolean {
  if (image.scratch) return true;
  if (!image.complete) return false;
  const registry = image.registry?.toLowerCase();
  if (registry && registry !== 'docker.io' && registry !== 'index.docker.io') return false;
  return !image.repository.includes('/') || image.repository.startsWith('library/');
}

export default defineRule<DockerfileModel, Options>({
  id: 'dockerfile/no-root-user',
  domain: dockerfileDomain,
  meta: {
    title: 'Container runs as root',
    description:
      'The final stage ends as user root: either its last `USER` is `root`/`0`, or no `USER` is set at all on top of a base image that runs as root (Docker Official Images such as `node` or `debian`, and `scratch`), so the process runs as UID 0.',
    rationale:
      'Medium: a process that runs as root inside the container turns any code-execution bug into root in the container, one kernel or runtime escape (or a writable host mount) away from root on the node. It is not high: root in a container is not root on the node, Kubernetes `runAsNonRoot` and Pod Security can refuse such an image, and this was 59% of all high findings on real repositories, drowning the findings a reviewer must act on first. Confidence is low when the image starts as root on purpose to drop privileges in its entrypoint (`gosu`, `su-exec`, `setpriv`, `runuser`, as the official database images do) or when the final stage is a builder stage (`AS build`) that is built from rather than run. A Dockerfile holding nothing but `FROM` (kept so that an update bot bumps the image tag used elsewhere) is reported at info.',
    remediation:
      'Create an unprivileged user in the final stage (`RUN groupadd -r app && useradd -r -g app app`) and switch to it with `USER app` (or a numeric `USER 10001`) after the steps that need root. Build stages may stay root. Set the option `unknownBaseImages: true` to also report a missing `USER` on other base images, whose own `USER` a Dockerfile scan cannot see.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    fixable: true,
    aliases: ['DL3002', 'DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8'],
    options: {
      schema: {
        type: 'object',
        properties: { unknownBaseImages: { type: 'boolean' } },
        additionalProperties: false,
      },
      defaults: { unknownBaseImages: false },
    },
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'CIS Docker Benchmark 4.1'],
    examples: {
      invalid: [
        { filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'root')] },
        { filename: 'Dockerfile', code: none, errors: [spanOf(none, 'node:20-slim')] },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nRUN useradd -r app\nWORKDIR /app\nCOPY --chown=app . .\nUSER app\nCMD ["node", "server.js"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    const final = model.finalStage;
    if (!final) return;
    const chain = finalChain(model);
    const calibration = calibrate(model, chain);
    const flag = (
      at: Parameters<typeof ctx.report>[0]['at'],
      container: Instruction,
      message: string,
      fix?: Parameters<typeof ctx.report>[0]['fix'],
    ) =>
      ctx.report({
        at,
        message: calibration.note ? `${message} ${calibration.note}` : message,
        container,
        ...(container.stageName ? { resource: `stage ${container.stageName}` } : {}),
        ...(calibration.severity ? { severity: calibration.severity } : {}),
        ...(calibration.confidence ? { confidence: calibration.confidence } : {}),
        ...(fix ? { fix } : {}),
      });
    let lastUser: Instruction | undefined;
    for (const stage of chain) {
      lastUser = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
      if (lastUser) break;
    }
    if (lastUser) {
      const word = lastUser.args[0];
      if (!word) return;
      const user = model.resolve(word.value, lastUser);
      if (user.complete && ROOT.test(user.value)) {
        flag(
          word,
          lastUser,
          `The final stage switches to \`USER ${word.value}\` and never back to an unprivileged user.`,
        );
      }
      return;
    }
    const base = chain.at(-1)!;
    if (base.image.scratch && base !== final) return;
    if (NONROOT_IMAGE.test(base.image.tag ?? '') || NONROOT_IMAGE.test(base.image.repository)) return;
    if (!ctx.options.unknownBaseImages && !rootByDefault(base.image)) return;
    flag(
      final.image.stage ? final.from : final.image,
      final.from,
      `The final stage (\`FROM ${final.image.raw}\`) sets no \`USER\`, so the container runs as root.`,
      userFix(model),
    );
  },
});

/** How sure and how bad: see the rationale. */
function calibrate(
  model: DockerfileModel,
  chain: Stage[],
): { severity?: Severity; confidence?: Confidence; note?: string } {
  const instructions = chain.flatMap((s) => s.instructions);
  if (model.stages.every((s) => s.instructions.every((i) => DECLARATIVE.has(i.keyword))))
    return { severity: 'info', confidence: 'low', note: '(This file only names an image.)' };
  const dropper = instructions.find((i) => DROPS_PRIVILEGES.test(i.body));
  if (dropper)
    return {
      confidence: 'low',
      note: `(The image installs or calls \`${DROPS_PRIVILEGES.exec(dropper.body)![1]}\`, so its entrypoint may drop root.)`,
    };
  if (chain.some((s) => s.name && BUILDER_STAGE.test(s.name)))
    return { confidence: 'low', note: '(The final stage looks like a builder stage.)' };
  return {};
}
