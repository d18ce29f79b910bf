import type { FindingFix } from '../model/finding.js';
import type { TextEdit } from '../model/rule.js';
import type { Loc, SourceFile } from '../model/source.js';

/** Insert `text` at `offset` of `file`. */
export function insertAt(file: SourceFile, offset: number, text: string): TextEdit {
  return { loc: { file, start: offset, end: offset }, text };
}

/** Replace the text of `loc` by `text`. */
export function replaceLoc(loc: Loc, text: string): TextEdit {
  return { loc, text };
}

/** The leading whitespace of a 1-based line. */
export function indentOf(file: SourceFile, line: number): string {
  return /^[ \t]*/.exec(file.lineText(line))?.[0] ?? '';
}

/**
 * New lines after 1-based `line`, each indented with `indent` (default: the indentation of `line`),
 * so a multi-line suggestion reads like the lines around it. The file's line ending is kept.
 */
export function insertLinesAfter(
  file: SourceFile,
  line: number,
  lines: readonly string[],
  indent?: string,
): TextEdit {
  const pad = indent ?? indentOf(file, line);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const end = file.offset(line, 1) + file.lineText(line).length;
  return insertAt(file, end, lines.map((l) => `${eol}${pad}${l}`).join(''));
}

/**
 * The lines the edits touch, with the edits applied: a whole-line replacement. Undefined when the
 * edits are in different files or overlap.
 */
export function editsToLines(edits: readonly TextEdit[]): Omit<FindingFix, 'description'> | undefined {
  if (edits.length === 0) return undefined;
  const file = edits[0]!.loc.file;
  if (edits.some((e) => e.loc.file !== file)) return undefined;
  const sorted = [...edits].sort((a, b) => a.loc.start - b.loc.start || a.loc.end - b.loc.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.loc.start < sorted[i - 1]!.loc.end) return undefined;
  const startLine = file.position(sorted[0]!.loc.start).line;
  const endLine = file.position(Math.max(...sorted.map((e) => e.loc.end))).line;
  const from = file.offset(startLine, 1);
  const to = file.offset(endLine, 1) + file.lineText(endLine).length;
  let text = '';
  let at = from;
  for (const e of sorted) {
    text += file.text.slice(at, e.loc.start) + e.text;
    at = e.loc.end;
  }
  text += file.text.slice(at, to);
  return { startLine, endLine, replacement: text.replace(/\r\n/g, '\n') };
}
