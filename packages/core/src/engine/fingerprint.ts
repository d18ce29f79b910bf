import { createHash } from 'node:crypto';

/** Collapses whitespace so re-indenting or re-wrapping a line does not change a fingerprint. */
export function normaliseEvidence(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Rule id, file, resource and evidence — never the line — so baselines and code-scanning alerts
 * survive edits above a finding. `occurrence` separates identical findings in one file.
 */
export function fingerprint(parts: {
  ruleId: string;
  file: string;
  resource?: string;
  evidence: string;
  occurrence: number;
}): string {
  const hash = createHash('sha256');
  hash.update(
    [
      'v1',
      parts.ruleId,
      parts.file,
      parts.resource ?? '',
      normaliseEvidence(parts.evidence),
      String(parts.occurrence),
    ].join('\u0000'),
  );
  return hash.digest('hex').slice(0, 32);
}
