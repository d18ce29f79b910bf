import type { Loc, SourceFile } from '@plumbline/core';

/**
 * The string literals (quotes included) between `start` and `end`, for an exec form such as
 * `CMD ["a", "b"]`. `parse.ts` asks for them only when the body is a JSON array of strings, and
 * the reader gives up on an exec form with an escaped character or with comment or empty lines
 * between its lines, so every literal is a plain `"..."` and they are dockerfile-ast's: one that
 * runs over a line continuation is given up.
 */
export function jsonStringsOf(file: SourceFile, start: number, end: number): Loc[] | string {
  const { text } = file;
  const out: Loc[] = [];
  for (let open = text.indexOf('"', start); open !== -1 && open < end; open = text.indexOf('"', open + 1)) {
    const close = text.indexOf('"', open + 1);
    if (close === -1 || close >= end) break;
    const nl = text.indexOf('\n', open);
    if (nl !== -1 && nl < close) return 'a JSON string across a line continuation';
    out.push({ file, start: open, end: close + 1 });
    open = close;
  }
  return out;
}
