import { compareText } from '../compare-text.js';
import type { Finding } from '../model/finding.js';

/** Accepted findings, by fingerprint; written by `audit --write-baseline`. */
export interface Baseline {
  version: 1;
  generatedAt: string;
  findings: { fingerprint: string; ruleId: string; file: string }[];
}

export function createBaseline(findings: readonly Finding[], now = new Date()): Baseline {
  const unsuppressed = findings.filter((f) => !f.suppressed || f.suppressed.kind === 'baseline');
  return {
    version: 1,
    generatedAt: now.toISOString(),
    findings: unsuppressed
      .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file }))
      .sort(
        (a, b) =>
          compareText(a.file, b.file) ||
          compareText(a.ruleId, b.ruleId) ||
          compareText(a.fingerprint, b.fingerprint),
      ),
  };
}

export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: baseline is not valid JSON: ${(error as Error).message}`);
  }
  const b = data as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.findings)) {
    throw new Error(`${source}: not a Plumbline baseline (expected {"version": 1, "findings": [...]})`);
  }
  return b as Baseline;
}
