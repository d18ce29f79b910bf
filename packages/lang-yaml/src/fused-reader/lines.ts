import { HASH, LINE_FEED, SPACE } from '../native-lexer/characters.js';

/**
 * The blank and comment lines between two content lines, as the innermost open collection of
 * `yaml`'s Parser receives them (it takes every such line, whatever its indentation), and the
 * content line after them. Kept in reused arrays: a file has a run of them after almost every line.
 */
export class Lines {
  /** Per blank or comment line of the run: its indentation (-1: blank) and where it ends (after its `\n`). */
  indents: number[] = [];
  ends: number[] = [];
  count = 0;
  /** Where the next content line starts, its indentation, and where its content starts (`at`). */
  lineStart = 0;
  indent = 0;
  at = 0;
  /** No content line follows (the end of the text). */
  atEnd = false;

  constructor(private readonly text: string) {}

  /**
   * Reads from `from` (a line start) over blank and comment lines to the next content line,
   * calling `comment(start, end)` for each comment.
   */
  read(from: number, comment: (start: number, end: number) => void): void {
    const { text } = this;
    const length = text.length;
    this.count = 0;
    let at = from;
    for (;;) {
      const lineStart = at;
      while (text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      if (code === LINE_FEED || at === length) {
        if (at === length && at === lineStart) break;
        this.push(-1, at === length ? at : at + 1);
        if (at === length) break;
        at++;
        continue;
      }
      if (code === HASH) {
        let end = text.indexOf('\n', at);
        if (end === -1) end = length;
        comment(at, end);
        this.push(at - lineStart, end === length ? end : end + 1);
        at = end === length ? end : end + 1;
        if (at === length) break;
        continue;
      }
      this.lineStart = lineStart;
      this.indent = at - lineStart;
      this.at = at;
      this.atEnd = false;
      return;
    }
    this.lineStart = length;
    this.indent = 0;
    this.at = length;
    this.atEnd = true;
  }

  private push(indent: number, end: number): void {
    this.indents[this.count] = indent;
    this.ends[this.count] = end;
    this.count++;
  }
}
