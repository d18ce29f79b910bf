import type { Finding, Severity } from '@plumbline/core';
import { prioritised } from '@plumbline/github';
import { annotation, command } from './commands.js';

/** GitHub shows at most this many annotations of each level per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

function levelOf(severity: Severity): Level {
  return severity === 'critical' || severity === 'high'
    ? 'error'
    : severity === 'medium'
      ? 'warning'
      : 'notice';
}

export interface AnnotationOptions {
  /** The scanned root inside the repository (`''`, `infra/`). */
  prefix: string;
  /** Fingerprints that have an inline review comment: that line needs no annotation as well. */
  commented?: ReadonlySet<string>;
  /** Where the findings not shown can be read (`the job summary`, `code scanning`). */
  seeAlso: string[];
  /** Notices this step writes besides the annotations (they count against GitHub's 10). */
  otherNotices?: number;
}

/**
 * Workflow annotations: one per line (the line's findings together, most severe first), none on a
 * line that already carries an inline review comment, the most important lines first within
 * GitHub's 10 per level, and one notice that says how many were not shown and where they are.
 */
export function annotationCommands(findings: readonly Finding[], options: AnnotationOptions): string[] {
  const commentedLines = new Set<string>();
  for (const f of findings)
    if (options.commented?.has(f.fingerprint)) commentedLines.add(`${f.file}\u0000${f.startLine}`);
  const lines = new Map<string, Finding[]>();
  for (const f of prioritised(findings)) {
    if (f.suppressed) continue;
    const key = `${f.file}\u0000${f.startLine}`;
    if (commentedLines.has(key)) {
      continue;
    }
    const group = lines.get(key);
    if (group) group.push(f);
    else lines.set(key, [f]);
  }
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  // The "not shown" notice and the step's other notices take their places among the notices.
  const limit = (level: Level) =>
    level === 'notice' ? ANNOTATIONS_PER_LEVEL - 1 - (options.otherNotices ?? 0) : ANNOTATIONS_PER_LEVEL;
  const out: string[] = [];
  let hidden = 0;
  for (const group of lines.values()) {
    const level = levelOf(group[0]!.severity);
    if (used[level] >= limit(level)) {
      hidden += group.length;
      continue;
    }
    used[level]++;
    out.push(lineAnnotation(group, level, options.prefix));
  }
  if (hidden > 0) {
    out.push(
      command(
        'notice',
        { title: 'Plumbline: more findings' },
        `${hidden} more finding${hidden === 1 ? ' is' : 's are'} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level per step): see ${options.seeAlso.join(' and ')}.`,
      ),
    );
  }
  return out;
}

function lineAnnotation(group: readonly Finding[], level: Level, prefix: string): string {
  const first = group[0]!;
  const endLine = Math.max(...group.map((f) => f.endLine));
  const message =
    group.length === 1
      ? first.remediation
        ? `${first.message}\n${first.remediation}`
        : first.message
      : group.map((f) => `[${f.severity}] ${f.ruleId}: ${f.message}`).join('\n');
  const title =
    group.length === 1
      ? `${first.ruleId}: ${first.title}`
      : `${group.length} findings: ${group.map((f) => f.ruleId).join(', ')}`;
  return annotation(level, message, {
    file: prefix + first.file,
    line: first.startLine,
    endLine: group.length === 1 ? first.endLine : endLine,
    col: group.length === 1 ? first.startColumn : undefined,
    // Annotation columns are inclusive; finding end columns are exclusive (as in SARIF).
    endColumn: group.length === 1 ? Math.max(first.startColumn, first.endColumn - 1) : undefined,
    title,
  });
}
