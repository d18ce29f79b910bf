import type { FindingFix } from '../model/finding.js';

/**
 * One fix for several fixes of the same lines (three findings on one `apt-get install` line), when
 * each changes its own stretch of `original` (the text of those lines). Each fix is reduced to
 * the one stretch it changes (common start and end trimmed); insertions at the same point keep the
 * given order. Undefined when two fixes change overlapping text or cover different lines.
 */
export function combineFixes(original: string, fixes: readonly FindingFix[]): FindingFix | undefined {
  // The same fix twice (two findings, one edit) is applied once.
  fixes = fixes.filter((f, i) => fixes.findIndex((g) => g.replacement === f.replacement) === i);
  if (fixes.length === 0) return undefined;
  const { startLine, endLine } = fixes[0]!;
  if (fixes.some((f) => f.startLine !== startLine || f.endLine !== endLine)) return undefined;
  const changes = fixes.map((fix, order) => {
    const text = fix.replacement;
    let start = 0;
    while (start < original.length && start < text.length && original[start] === text[start]) start++;
    let end = 0;
    while (
      end < original.length - start &&
      end < text.length - start &&
      original[original.length - 1 - end] === text[text.length - 1 - end]
    )
      end++;
    return { from: start, to: original.length - end, text: text.slice(start, text.length - end), order };
  });
  changes.sort((a, b) => a.from - b.from || a.to - b.to || a.order - b.order);
  for (let i = 1; i < changes.length; i++) {
    const prev = changes[i - 1]!;
    const next = changes[i]!;
    if (next.from < prev.to || (next.from === prev.from && prev.to > prev.from)) return undefined;
  }
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += original.slice(at, c.from) + c.text;
    at = c.to;
  }
  out += original.slice(at);
  return {
    description: fixes.map((f) => f.description).join('; '),
    startLine,
    endLine,
    replacement: out,
  };
}
