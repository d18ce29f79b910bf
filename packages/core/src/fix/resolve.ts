import type { FindingFix } from '../model/finding.js';
import { isRendered } from '../model/renderer.js';
import type { Fix } from '../model/rule.js';
import { editsToLines } from './edits.js';

/**
 * A rule's fix as the whole lines a finding carries. Undefined when its edits overlap or span
 * several files, and on rendered files: a fix rewrites the lines it was computed on, so it is only
 * offered on files people edit (never on `helm template` or kustomize output).
 */
export function findingFixOf(fix: Fix): FindingFix | undefined {
  const locs = 'loc' in fix ? [fix.loc] : fix.edits.map((e) => e.loc);
  if (locs.some((l) => isRendered(l.file))) return undefined;
  if (!('edits' in fix)) {
    const fs = fix.loc.file.span(fix.loc.start, fix.loc.end);
    return {
      description: fix.description,
      startLine: fs.startLine,
      endLine: fs.endLine,
      replacement: fix.replacement,
    };
  }
  const lines = editsToLines(fix.edits);
  return lines ? { description: fix.description, ...lines } : undefined;
}
