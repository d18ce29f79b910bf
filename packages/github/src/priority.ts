import { type Confidence, type Finding, severityRank } from '@plumbline/core';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/**
 * The order in which every cap (inline comments, annotations, comment length) takes findings: most
 * severe first, then the most certain, then file order. Sorting with this comparator is stable, so
 * findings already in file order stay so within one severity and confidence.
 */
export function byPriority(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence]
  );
}

/** A copy of `findings` in priority order. */
export function prioritised<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(byPriority);
}
