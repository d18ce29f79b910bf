/** How bad a finding is, from the point of view of a security/SRE reviewer. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** How sure the rule is that the finding is real (independent of how bad it would be). */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CATEGORIES = ['security', 'reliability', 'supply-chain', 'best-practice'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The rule families; a rule id is `<domain>/<slug>`. */
export const DOMAINS = ['dockerfile', 'k8s', 'terraform', 'gha', 'core'] as const;
export type DomainId = (typeof DOMAINS)[number];
