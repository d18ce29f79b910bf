import type { LineFix } from '@plumbline/core';
import type { Attribute } from '@plumbline/lang-hcl';

/**
 * A whole-line fix that replaces a literal attribute value (`encrypted = false` → `true`), only
 * when the attribute sits on one line and its value is the literal written there: a value from
 * a variable or an expression is not rewritten.
 */
export function replaceLiteral(
  attr: Attribute,
  replacement: string,
  description: string,
): LineFix | undefined {
  const { file, start, end } = attr.loc;
  if (
    attr.expr.kind !== 'literal' &&
    !(attr.expr.kind === 'template' && attr.expr.parts.every((p) => typeof p === 'string'))
  )
    return undefined;
  const lineStart = file.text.lastIndexOf('\n', start - 1) + 1;
  const newline = file.text.indexOf('\n', end);
  const lineEnd = newline === -1 ? file.text.length : newline;
  const line = file.text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (file.text.slice(start, end).includes('\n')) return undefined;
  const exprStart = attr.expr.loc.start - lineStart;
  const exprEnd = attr.expr.loc.end - lineStart;
  return {
    description,
    loc: attr.loc,
    replacement: `${line.slice(0, exprStart)}${replacement}${line.slice(exprEnd)}`,
  };
}
