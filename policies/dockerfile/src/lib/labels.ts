/**
 * Label schema (hadolint's `label-schema`): the labels a team requires on its images, each with a
 * value type, and the checks of those types. Used by `label-schema` (missing, empty, malformed and,
 * when strict, unlisted labels) and `label-key-format`.
 */

import type { DockerfileModel, Instruction, Property } from '@plumbline/lang-dockerfile';
import spdxParse from 'spdx-expression-parse';
import { finalChain } from './index.js';

export const LABEL_TYPES = ['text', 'url', 'rfc3339', 'spdx', 'hash', 'semver', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** OCI annotation keys with a format of their own, checked when present (not required). */
export const OCI_LABEL_TYPES: Record<string, LabelType> = {
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.documentation': 'url',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
};

/** What the value should look like, for messages. */
export const TYPE_DESCRIPTION: Record<LabelType, string> = {
  text: 'a non-empty text',
  url: 'an absolute URL',
  rfc3339: 'an RFC 3339 date and time (`2025-01-31T12:00:00Z`)',
  spdx: 'an SPDX license expression (`Apache-2.0`, `MIT OR Apache-2.0`)',
  hash: 'a full git commit hash (40 or 64 hex digits)',
  semver: 'a semantic version (`1.4.2`, `2.0.0-rc.1`)',
  email: 'an e-mail address (`team@example.com` or `Team <team@example.com>`)',
};

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// semver.org's grammar: no leading zeros, optional pre-release and build metadata.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

/** Does `value` (non-empty, variables resolved) have the form of `type`? */
export function matchesType(type: LabelType, value: string): boolean {
  switch (type) {
    case 'text':
      return value.trim() !== '';
    case 'url':
      return isUrl(value);
    case 'rfc3339': {
      const m = RFC3339.exec(value);
      if (!m) return false;
      const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
      const date = new Date(Date.UTC(y!, mo! - 1, d!));
      return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 61;
    }
    case 'spdx':
      try {
        spdxParse(value);
        return true;
      } catch {
        return false;
      }
    case 'hash':
      return /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
    case 'semver':
      return SEMVER.test(value);
    case 'email': {
      const angle = /^[^<>]*<([^<>]+)>$/.exec(value);
      return ADDRESS.test(angle ? angle[1]! : value);
    }
  }
}

function isUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s/]/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export interface ImageLabel {
  property: Property;
  instruction: Instruction;
  /** The value with build arguments substituted; undefined when a variable has no known value. */
  value: string | undefined;
}

/**
 * The labels the final image carries: LABELs of the final stage and the stages it is built on,
 * a later one with the same key replacing an earlier one.
 */
export function imageLabels(model: DockerfileModel): Map<string, ImageLabel> {
  const out = new Map<string, ImageLabel>();
  for (const stage of [...finalChain(model)].reverse()) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'LABEL') continue;
      for (const property of instruction.properties) {
        const resolved = model.resolve(property.value ?? '', instruction);
        out.set(property.name, {
          property,
          instruction,
          value: resolved.complete ? resolved.value : undefined,
        });
      }
    }
  }
  return out;
}
