import type { Comment } from '@plumbline/core';
import { Lexer } from 'yaml';

/**
 * YAML comments with offsets, from the lexer: a `#` inside a block scalar (a shell comment in a
 * `run: |` script) is content, not a comment, and is not returned.
 */
export function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer interleaves one-character control tokens that are not part of the source.
    if (
      token.length === 1 &&
      token.charCodeAt(0) < 0x20 &&
      token !== '\n' &&
      token !== '\t' &&
      token !== '\r'
    )
      continue;
    if (token.startsWith('#')) {
      const before = text.slice(lineStart, offset);
      out.push({
        line,
        text: token.slice(1),
        ownLine: before.trim() === '',
        start: offset,
        end: offset + token.length,
      });
    }
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return out;
}
