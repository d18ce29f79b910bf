import type { Lines } from './lines.js';

/**
 * Where `yaml`'s Parser puts the blank and comment lines after a value, as far as the ranges the
 * Composer gives can tell: each goes to the innermost open collection, except that a comment
 * indented past that collection, with only blank lines between it and a scalar or flow value
 * (`hasEnd`), joins that value's trailing `end` (its range then runs to the end of that line).
 * What is left (a trailing item of blank lines and comments) stays with the collection when it
 * closes only if one of its comments is indented at or past it (`keptBy`); else it is handed to the
 * parent, up to the document, where no range sees it.
 */
export class Trail {
  /** The value's range end, with the comments that joined it. */
  valueEnd = 0;
  /** The deepest indentation of a comment left in the trailing item (-1: none, nothing to keep). */
  commentIndent = -1;
  /** Where the trailing item ends: where the next content starts (its indentation included). */
  end = 0;

  /** Settles the lines just read after a value ending at `valueEnd`, in a collection at `indent`. */
  settle(lines: Lines, indent: number, hasEnd: boolean, valueEnd: number): void {
    let end = valueEnd;
    let blankOnly = true;
    let deepest = -1;
    for (let i = 0; i < lines.count; i++) {
      const lineIndent = lines.indents[i]!;
      if (lineIndent < 0) continue;
      if (hasEnd && blankOnly && lineIndent > indent) end = lines.ends[i]!;
      else {
        blankOnly = false;
        if (lineIndent > deepest) deepest = lineIndent;
      }
    }
    this.valueEnd = end;
    this.commentIndent = deepest;
    this.end = lines.at;
  }

  /** Nothing trails (a value whose separator took the lines: `key:` with nothing after it). */
  clear(): void {
    this.commentIndent = -1;
  }

  /**
   * Whether the collection at `indent` that is closing keeps the trailing item (its range then
   * ends at `end`); when it does not, the item goes on to its parent.
   */
  keptBy(indent: number): boolean {
    if (this.commentIndent < 0 || indent === 0 || this.commentIndent < indent) return false;
    this.commentIndent = -1;
    return true;
  }
}
