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
 * Only offsets are kept per token; lines are counted once, when the comments are asked for.
 */
export class CommentCollector {
  private offset = 0;
  /** Offsets of each comment token (`#` included), in order: its text is sliced when asked for. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private made?: Comment[];

  constructor(private readonly text: string) {}

  /** The next token of the lexer, in order. */
  take(token: string): void {
    const first = token.charCodeAt(0);
    // The lexer interleaves one-character control tokens that are not part of the source.
    if (token.length === 1 && first < 0x20 && first !== 0x0a && first !== 0x09 && first !== 0x0d) return;
    if (first === 35 /* # */) this.add(this.offset, this.offset + token.length);
    this.offset += token.length;
  }

  /** A comment from `start` (its `#`) to `end`, after those taken so far (the fused reader's way in). */
  add(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }

  /** The comments taken so far, with their lines (counted in one pass over the text). */
  get found(): Comment[] {
    const { starts, ends } = this;
    if (this.made && this.made.length === starts.length) return this.made;
    const text = this.text;
    const out: Comment[] = [];
    let line = 1;
    let lineStart = 0;
    for (let c = 0; c < starts.length; c++) {
      const start = starts[c]!;
      const end = ends[c]!;
      for (let i = text.indexOf('\n', lineStart); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
      }
      out.push({
        line,
        text: text.slice(start + 1, end),
        ownLine: text.slice(lineStart, start).trim() === '',
        start,
        end,
      });
    }
    this.made = out;
    return out;
  }
}
