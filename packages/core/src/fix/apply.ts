import type { FindingFix } from '../model/finding.js';

export interface AppliedFixes {
  text: string;
  applied: FindingFix[];
  /** Fixes whose lines overlap an applied one: apply them on the next pass, after a re-scan. */
  deferred: FindingFix[];
}

/**
 * Applies whole-line fixes to one file's text. Fixes that touch the same lines as one already
 * taken are deferred (their line numbers would be stale). The file's line ending (LF or CRLF) and
 * its final newline are kept.
 */
export function applyFixes(text: string, fixes: readonly FindingFix[]): AppliedFixes {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const applied: FindingFix[] = [];
  const deferred: FindingFix[] = [];
  for (const fix of fixes) {
    const valid = fix.startLine >= 1 && fix.endLine >= fix.startLine && fix.endLine <= lines.length;
    if (!valid || applied.some((a) => fix.startLine <= a.endLine && a.startLine <= fix.endLine)) {
      deferred.push(fix);
      continue;
    }
    applied.push(fix);
  }
  // Bottom up, so earlier line numbers stay true.
  for (const fix of [...applied].sort((a, b) => b.startLine - a.startLine)) {
    lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  }
  return { text: lines.join(eol), applied, deferred };
}
