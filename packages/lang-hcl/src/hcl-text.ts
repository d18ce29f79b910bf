import type { Comment } from '@plumbline/core';
import type { Expr } from './ast.js';

/**
 * Text rules shared by both readers of HCL native syntax (the tree-sitter conversion in
 * `parser.ts` and the hand-written parser in `native/`): string escapes, heredoc indentation and
 * comments, so the two cannot drift apart.
 */

/**
 * A comment from its extent (`#` and `//` comments end before the `\n`; a `\r` before it stays,
 * as the grammar's token keeps it) and its 1-based line.
 */
export function hclComment(text: string, start: number, nodeEnd: number, line: number): Comment {
  const raw = text.slice(start, nodeEnd);
  let body: string;
  if (raw.startsWith('/*')) body = raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
  else if (raw.startsWith('//')) body = raw.slice(2);
  else body = raw.slice(1);
  body = body.replace(/\r?\n$/, '');
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const end = raw.endsWith('\n') ? nodeEnd - (raw.endsWith('\r\n') ? 2 : 1) : nodeEnd;
  return { line, text: body, ownLine: text.slice(lineStart, start).trim() === '', start, end };
}

/** HCL quoted-string escapes, plus `$${` and `%%{` for a literal `${` / `%{`. */
export function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    switch (esc![0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U':
        return String.fromCodePoint(Number.parseInt(esc!.slice(1), 16));
      default:
        return m;
    }
  });
}

export function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** `<<-` heredocs: remove the smallest indentation of the non-blank lines from every line. */
export function stripIndent(parts: (string | Expr)[]): void {
  let joined = '';
  for (const p of parts) joined += typeof p === 'string' ? p : '\u0000';
  const lines = joined.split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => l.match(/^[ \t]*/)![0].length));
  if (!Number.isFinite(indent) || indent === 0) return;
  let atLineStart = true;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p !== 'string') {
      atLineStart = false;
      continue;
    }
    const segs = p.split('\n');
    parts[i] = segs
      .map((s, j) => (j > 0 || atLineStart ? s.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : s))
      .join('\n');
    atLineStart = p.endsWith('\n') || (p === '' && atLineStart);
  }
}
