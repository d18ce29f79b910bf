import type { Comment } from '@plumbline/core';
import { Lexer } from 'yaml';
import { lexNative } from './native-lexer/native-lexer.js';

/**
 * YAML comments with offsets, from the lexer: a `#` inside a block scalar (a shell comment in a
 * `run: |` script) is content, not a comment, and is not returned.
 */
export function yamlComments(text: string): Comment[] {
  const comments = new CommentCollector(text);
  for (const token of lexNative(text) ?? new Lexer().lex(text)) comments.take(token);
  return comments.found;
}

/**
 * Picks the comments out of the lexer's tokens as they pass, so the parse that builds the
 * documents finds them too (`language.ts` feeds it the tokens it gives the parser): no second lex.
 */
export class CommentCollector {
  readonly found: Comment[] = [];
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  /** The next token of the lexer, in order. */
  take(token: string): void {
    // The lexer interleaves one-character control tokens that are not part of the source.
    if (
      token.length === 1 &&
      token.charCodeAt(0) < 0x20 &&
      token !== '\n' &&
      token !== '\t' &&
      token !== '\r'
    )
      return;
    if (token.charCodeAt(0) === 35 /* # */) {
      const before = this.text.slice(this.lineStart, this.offset);
      this.found.push({
        line: this.line,
        text: token.slice(1),
        ownLine: before.trim() === '',
        start: this.offset,
        end: this.offset + token.length,
      });
    }
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = this.offset + i + 1;
    }
    this.offset += token.length;
  }
}
