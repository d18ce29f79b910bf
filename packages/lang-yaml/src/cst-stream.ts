import type { Composer, CST, Document } from 'yaml';
import type { CstDocument, CstSpans } from './cst-spans.js';

/**
 * The parser's top-level tokens on their way to the Composer, with the CST builder taking the
 * documents it can, so that every document ends as the Composer alone would end it: in the same
 * order, with the same errors.
 *
 * The Composer is a stream: it holds each document until the next one starts (or the text ends),
 * because what follows it (`...`, an error token, a directive after `...`) may add errors to it,
 * and errors it met between documents (a bad directive, an error token) go to the next document.
 * So the builder only takes a document when the Composer has no such errors waiting and no
 * directive was ever read (they change how later documents are read); it flushes the Composer's
 * held document first, then holds its own until the next document. Comments, blank lines and a
 * clean `...` after it change nothing; anything else after it (an error token, a directive, a `...`
 * with content) and the document is given back: its rows dropped, its tokens replayed to the
 * Composer, which then sees the stream exactly as it was.
 */
export class CstStream {
  private held: { token: CST.Document; built: CstDocument; after: CST.Token[] } | undefined;
  private directives = false;

  constructor(
    private readonly composer: Composer,
    /** Undefined: every document goes to the Composer. */
    private readonly builder: CstSpans | undefined,
    private readonly composed: (doc: Document.Parsed) => void,
    private readonly built: (doc: CstDocument) => void,
  ) {}

  /** The parser's next top-level token. */
  next(node: CST.Token): void {
    if (!this.builder) {
      this.compose(node);
      return;
    }
    if (node.type === 'document') {
      this.release();
      if (!this.directives && this.idle()) {
        // The Composer would yield its held document now, untouched by this one.
        for (const doc of this.composer.end()) this.composed(doc);
        const built = this.builder.document(node);
        if (built) {
          this.held = { token: node, built, after: [] };
          return;
        }
      }
      this.compose(node);
      return;
    }
    if (this.held) {
      if (harmless(node)) {
        this.held.after.push(node);
        return;
      }
      this.giveBack();
    }
    if (node.type === 'directive') this.directives = true;
    this.compose(node);
  }

  /** At the end of the text: the last document, whichever holds it. */
  end(): void {
    this.release();
    for (const doc of this.composer.end()) this.composed(doc);
  }

  private compose(node: CST.Token): void {
    for (const doc of this.composer.next(node)) this.composed(doc);
  }

  /** No errors or warnings waiting for the Composer's next document. */
  private idle(): boolean {
    const { errors, warnings } = this.composer.streamInfo();
    return errors.length === 0 && warnings.length === 0;
  }

  /** The held document is complete: take it, and let the Composer see the comments after it. */
  private release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.built(held.built);
    for (const node of held.after) if (node.type !== 'doc-end') this.compose(node);
  }

  /** The held document goes to the Composer after all, with what followed it. */
  private giveBack(): void {
    const held = this.held!;
    this.held = undefined;
    this.builder!.drop();
    this.compose(held.token);
    for (const node of held.after) this.compose(node);
  }
}

/** Tokens after a document that add nothing to it (a `...` line with at most a comment). */
function harmless(node: CST.Token): boolean {
  switch (node.type) {
    case 'comment':
    case 'newline':
    case 'space':
    case 'byte-order-mark':
      return true;
    case 'doc-end': {
      // As `resolveEnd` reads it, strictly: a comment must follow a space.
      let space = false;
      for (const token of node.end ?? []) {
        if (token.type === 'space' || token.type === 'newline') space = true;
        else if (token.type !== 'comment' || !space) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
