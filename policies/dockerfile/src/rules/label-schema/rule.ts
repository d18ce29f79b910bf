import { defineRule } from '@plumbline/core';
import { type DockerfileModel, dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';
import {
  imageLabels,
  LABEL_TYPES,
  type LabelType,
  matchesType,
  OCI_LABEL_TYPES,
  TYPE_DESCRIPTION,
} from '../../lib/labels.js';

interface Options {
  /** Required labels and the type of each value. */
  labels: Record<string, LabelType>;
  /** Report labels that are not in `labels` (hadolint's `strict-labels`). */
  strict: boolean;
  /** Check the value format of OCI annotation labels that are present (`org.opencontainers.image.created`, ...). */
  oci: boolean;
}

const schema = {
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
} as const;
const bad = `FROM alpine:3.20
LABEL org.opencontainers.image.source="github.com/acme/api" \\
      org.opencontainers.image.licenses="Apache 2"
`;

export default defineRule<DockerfileModel, Options>({
  id: 'dockerfile/label-schema',
  domain: dockerfileDomain,
  meta: {
    title: 'Image labels do not follow the label schema',
    description:
      'The final image misses a label the configured schema requires, carries one with an empty value or a value not of its type (URL, RFC 3339 time, SPDX expression, git hash, semantic version, e-mail), or, with `strict`, a label the schema does not list.',
    rationale:
      'Info: labels are how registries, scanners and SBOM tools find the source, revision and license of an image; a missing or malformed one breaks that lookup silently. Nothing fails at run time, so info. Opt-in: only the team knows its schema. Without a schema, only OCI annotation labels that are present are checked for their format.',
    remediation:
      'Set every required label in the final stage (build arguments work: `LABEL org.opencontainers.image.revision=$GIT_SHA`), in the format of its type.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
    references: [
      'https://github.com/opencontainers/image-spec/blob/main/annotations.md',
      'https://github.com/hadolint/hadolint#configure',
    ],
    options: {
      schema: {
        type: 'object',
        properties: {
          labels: { type: 'object', additionalProperties: { enum: [...LABEL_TYPES] } },
          strict: { type: 'boolean' },
          oci: { type: 'boolean' },
        },
        additionalProperties: false,
      },
      defaults: { labels: {}, strict: false, oci: true },
    },
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          options: { labels: schema },
          errors: [
            spanOf(bad, 'FROM alpine:3.20'),
            spanOf(bad, '"github.com/acme/api"'),
            spanOf(bad, '"Apache 2"'),
          ],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          options: { labels: schema },
          code: `FROM alpine:3.20
ARG GIT_SHA
LABEL org.opencontainers.image.source="https://github.com/acme/api" \\
      org.opencontainers.image.licenses="Apache-2.0" \\
      org.opencontainers.image.revision=$GIT_SHA
`,
        },
      ],
    },
  },
  check(model, ctx) {
    const final = model.finalStage;
    if (!final) return;
    const required = ctx.options.labels ?? {};
    const labels = imageLabels(model);
    const missing = Object.keys(required).filter((k) => !labels.has(k));
    if (missing.length > 0) {
      const names = missing.map((k) => `\`${k}\``).join(', ');
      report(
        ctx,
        final.from,
        final.from,
        `The image has no ${missing.length === 1 ? 'label' : 'labels'} ${names} (required by the label schema).`,
        `missing ${missing.join(' ')}`,
      );
    }
    for (const [key, { property, instruction, value }] of labels) {
      const type = required[key] ?? (ctx.options.oci ? OCI_LABEL_TYPES[key] : undefined);
      if (!type) {
        if (ctx.options.strict && Object.keys(required).length > 0)
          report(ctx, property.nameLoc, instruction, `Label \`${key}\` is not in the label schema.`);
        continue;
      }
      if (value === undefined) continue; // set from a build argument: known at build time only
      const at = property.valueLoc ?? property.loc;
      if (value.trim() === '') report(ctx, at, instruction, `Label \`${key}\` is empty.`);
      else if (!matchesType(type, value))
        report(
          ctx,
          at,
          instruction,
          `Label \`${key}\` should be ${TYPE_DESCRIPTION[type]}.`,
          `${key}=${value}`,
        );
    }
  },
});
