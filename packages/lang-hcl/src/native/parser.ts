import type { Loc, SourceFile } from '@plumbline/core';
import type { Attribute, Block, Body, Expr, ObjectItem, Step } from '../ast.js';
import { stripIndent, unescapeHeredoc, unescapeQuoted } from '../hcl-text.js';
import type { ParsedHcl } from '../parser.js';
import {
  BACKSLASH,
  CR,
  DOLLAR,
  GiveUp,
  giveUp,
  isDigit,
  isIdentPart,
  isIdentStart,
  KEYWORDS,
  LBRACE,
  Lexer,
  LF,
  PERCENT,
  QUOTE,
  refusedCharacter,
  SPACE,
  TAB,
} from './lexer.js';

/**
 * Reads HCL native syntax straight into the model of `ast.ts`, giving exactly what the tree-sitter
 * conversion (`Converter` in `../parser.ts`) gives for a well-formed file: the same nodes, the same
 * offsets (which are the grammar's node extents: a parenthesised expression's model points inside
 * the parentheses, an operand of an operator starts at its first named child, ...), the same
 * comments. Returns the reason instead when it is not sure (any syntax error, anything the grammar
 * might read otherwise): the caller then parses with tree-sitter. See README.md.
 *
 * `maxHalfLevels`: the nesting the conversion accepts (2 × MAX_NESTING_LEVELS); a deeper file is
 * given up, so the conversion refuses it with its own error and offset.
 */
export function readNative(file: SourceFile, maxHalfLevels: number): ParsedHcl | string {
  if (refusedCharacter(file.text)) return 'unusual white space or control character';
  try {
    return new NativeParser(file, maxHalfLevels).parseFile();
  } catch (error) {
    if (error instanceof GiveUp) return error.reason;
    // A stack overflow or a bug: tree-sitter reads the file as before.
    return `internal error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Recursion (expressions, bodies, directives) beyond which a file is left to tree-sitter. */
const MAX_RECURSION = 200;

/** Binary operators and their precedence (the grammar's `PREC`); all associate to the left. */
const BINARY = new Map<string, number>([
  ['||', 1],
  ['&&', 2],
  ['==', 3],
  ['!=', 3],
  ['>', 4],
  ['>=', 4],
  ['<', 4],
  ['<=', 4],
  ['+', 5],
  ['-', 5],
  ['*', 6],
  ['/', 6],
  ['%', 6],
]);

/**
 * One operand as the grammar flattens it: an optional `(`, the first named child (`head`, or a
 * variable `root` when head is undefined), postfix steps, an optional `)`.
 */
interface Term {
  /** The first token, an opening parenthesis included. */
  start: number;
  /** The first named child: where an operand's own location starts. */
  headStart: number;
  end: number;
  head: Expr | undefined;
  root: string;
  steps: Step[];
  /** 1: the head is a parenthesised expression; 2: the same with a comment right after `(`. */
  paren: 0 | 1 | 2;
  /** Half-levels the conversion passes through below this operand (see MAX_NESTING_LEVELS). */
  h: number;
}

/** What a template's own level holds besides text. */
interface TemplateState {
  children: boolean;
  directives: boolean;
  h: number;
}

class NativeParser {
  private readonly lx: Lexer;
  private readonly text: string;
  private nest = 0;
  /** Set by expression(): its height, its node's extent, and whether it is a parenthesised term. */
  private h = 0;
  private exprStart = 0;
  private exprEnd = 0;
  private lastParen: 0 | 1 | 2 = 0;

  constructor(
    private readonly file: SourceFile,
    private readonly maxHalfLevels: number,
  ) {
    this.text = file.text;
    this.lx = new Lexer(this.text);
  }

  private loc(start: number, end: number): Loc {
    return { file: this.file, start, end };
  }

  private enter(): void {
    if (++this.nest > MAX_RECURSION) giveUp('nested deeper than the native parser goes');
  }

  parseFile(): ParsedHcl {
    const lx = this.lx;
    let body: Body = { attributes: [], blocks: [] };
    const first = lx.peek();
    if (first === '{') giveUp('a file that is one object');
    if (first !== 'eof') {
      body = this.body();
      if (lx.peek() !== 'eof') giveUp(`\`${lx.type}\` where an attribute or a block should start`);
      if (this.h > this.maxHalfLevels) giveUp('nested deeper than MAX_NESTING_LEVELS');
    }
    return { body, comments: lx.comments, problems: [] };
  }

  /** Attributes and blocks up to a `}` or the end (not consumed). */
  private body(): Body {
    this.enter();
    const lx = this.lx;
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    let h = 0;
    while (lx.peek() === 'ident') {
      const start = lx.start;
      const nameEnd = lx.end;
      const name = lx.tokenText();
      lx.take();
      if (lx.peek() === '=') {
        lx.take();
        const expr = this.expression();
        attributes.push({
          name,
          nameLoc: this.loc(start, nameEnd),
          expr,
          loc: this.loc(start, this.exprEnd),
        });
      } else blocks.push(this.block(name, start, nameEnd));
      if (this.h > h) h = this.h;
    }
    this.nest--;
    this.h = h + 2;
    return { attributes, blocks };
  }

  private block(type: string, start: number, typeEnd: number): Block {
    const lx = this.lx;
    const labels: string[] = [];
    let headerEnd = typeEnd;
    for (;;) {
      const t = lx.peek();
      if (t === 'ident') {
        const label = lx.tokenText();
        labels.push(label);
        headerEnd = lx.end;
        lx.take();
      } else if (t === '"') {
        lx.take();
        labels.push(this.label());
        headerEnd = lx.pos;
      } else break;
    }
    lx.expect('{');
    let attributes: Attribute[] = [];
    let blocks: Block[] = [];
    let h = 0;
    if (lx.peek() !== '}') {
      ({ attributes, blocks } = this.body());
      h = this.h;
      if (lx.peek() !== '}') giveUp(`\`${lx.type}\` in a block body`);
    }
    const end = lx.end;
    lx.take();
    this.h = h;
    return {
      type,
      labels,
      headerLoc: this.loc(start, headerEnd),
      loc: this.loc(start, end),
      attributes,
      blocks,
    };
  }

  /** A quoted block label after its `"` (the grammar's `string_lit`: no template possible there). */
  private label(): string {
    const text = this.text;
    const open = this.lx.pos;
    let i = open;
    for (;;) {
      if (i >= text.length) giveUp('unterminated string');
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        i = this.escape(i);
        continue;
      }
      if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === LBRACE)
        giveUp('`${` or `%{` in a label');
      if (c === LF || c === CR) giveUp('a line break in a quoted string');
      i++;
    }
    this.lx.pos = i + 1;
    return stringValue(text, open, i);
  }

  /** The offset after the escape sequence at `i` (a backslash in a quoted string). */
  private escape(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i + 1);
    if (c === QUOTE || c === BACKSLASH || c === 110 /* n */ || c === 114 /* r */ || c === 116 /* t */)
      return i + 2;
    if (c === 117 /* u */ && /^[0-9a-fA-F]{4}/.test(text.slice(i + 2, i + 6))) return i + 6;
    giveUp('an escape sequence other than \\" \\\\ \\n \\r \\t \\uXXXX');
  }

  /** An `expression` node: an operand, or conditionals. */
  private expression(): Expr {
    this.enter();
    const lx = this.lx;
    const term = this.binary(1);
    const start = term.start;
    let end = term.end;
    let expr = this.toExpr(term, start, end);
    let h = term.h;
    let paren = term.paren;
    // `a ? b : c ? d : e` is `(a ? b : c) ? d : e` in the grammar (left associative).
    while (lx.peek() === '?') {
      lx.take();
      const whenTrue = this.expression();
      const ht = this.h;
      lx.expect(':');
      const f = this.binary(1);
      end = f.end;
      const whenFalse = this.toExpr(f, f.start, end);
      expr = { kind: 'conditional', cond: expr, whenTrue, whenFalse, loc: this.loc(start, end) };
      h = 1 + Math.max(h, ht, f.h);
      paren = 0;
    }
    this.nest--;
    this.h = h;
    this.exprStart = start;
    this.exprEnd = end;
    this.lastParen = paren;
    return expr;
  }

  /** The model of an operand's named children, as the conversion's `sequence`. */
  private toExpr(term: Term, start: number, end: number): Expr {
    if (term.head === undefined)
      return { kind: 'ref', root: term.root, steps: term.steps, loc: this.loc(start, end) };
    if (term.steps.length === 0) return term.head;
    return { kind: 'get', target: term.head, steps: term.steps, loc: this.loc(start, end) };
  }

  /** An operand of an operator: located from its first named child. */
  private part(term: Term): Expr {
    return this.toExpr(term, term.headStart, term.end);
  }

  private headTerm(head: Expr, start: number, end: number, h: number): Term {
    return { start, headStart: start, end, head, root: '', steps: [], paren: 0, h };
  }

  private binary(minPrec: number): Term {
    const lx = this.lx;
    let left = this.unary();
    for (;;) {
      const op = lx.peek();
      const prec = BINARY.get(op);
      if (prec === undefined || prec < minPrec) return left;
      lx.take();
      const right = this.binary(prec + 1);
      const expr: Expr = {
        kind: 'binary',
        op,
        left: this.part(left),
        right: this.part(right),
        loc: this.loc(left.start, right.end),
      };
      left = this.headTerm(expr, left.start, right.end, 2 + Math.max(left.h, right.h));
    }
  }

  private unary(): Term {
    const lx = this.lx;
    const op = lx.peek();
    if (op !== '-' && op !== '!') return this.postfix();
    const start = lx.start;
    lx.take();
    this.enter();
    const operand = this.unary();
    this.nest--;
    const expr: Expr = { kind: 'unary', op, operand: this.part(operand), loc: this.loc(start, operand.end) };
    return this.headTerm(expr, start, operand.end, 2 + operand.h);
  }

  /** A primary expression and its traversals: `.name`, `.0`, `[i]`, `.*`, `[*]`. */
  private postfix(): Term {
    const lx = this.lx;
    const text = this.text;
    const term = this.primary();
    let stepsH = 0;
    for (;;) {
      const t = lx.peek();
      if (t === '.') {
        const dot = lx.start;
        lx.take();
        const i = lx.pos;
        const c = text.charCodeAt(i);
        if (isIdentStart(c)) {
          if (lx.peek() !== 'ident' || lx.start !== i) giveUp('unexpected text after `.`');
          const name = lx.tokenText();
          term.steps.push({ attr: name });
          term.end = lx.end;
          lx.take();
        } else if (isDigit(c)) {
          let j = i + 1;
          while (isDigit(text.charCodeAt(j))) j++;
          const k = text.charCodeAt(j);
          if (isIdentPart(k) || k >= 0x80) giveUp('a legacy index followed by a name');
          term.steps.push({
            index: { kind: 'literal', value: Number(text.slice(i, j)), loc: this.loc(dot, j) },
          });
          term.end = j;
          lx.pos = j;
        } else giveUp('`.` followed by neither a name nor a number');
      } else if (t === '.*' || t === '[*]') {
        term.steps.push({ splat: true });
        term.end = lx.end;
        lx.take();
      } else if (t === '[') {
        lx.take();
        const index = this.expression();
        if (this.h > stepsH) stepsH = this.h;
        if (lx.peek() !== ']') giveUp('expected `]`');
        term.steps.push({ index });
        term.end = lx.end;
        lx.take();
      } else break;
    }
    if (stepsH > term.h) term.h = stepsH;
    return term;
  }

  private primary(): Term {
    const lx = this.lx;
    const t = lx.peek();
    const start = lx.start;
    const end = lx.end;
    switch (t) {
      case 'ident': {
        const name = lx.tokenText();
        lx.take();
        if (name === 'true' || name === 'false' || name === 'null') {
          const value = name === 'null' ? null : name === 'true';
          return this.headTerm({ kind: 'literal', value, loc: this.loc(start, end) }, start, end, 1);
        }
        if (KEYWORDS.has(name)) giveUp(`\`${name}\` where an expression should start`);
        if (lx.peek() === '(') return this.call(start);
        return { start, headStart: start, end, head: undefined, root: name, steps: [], paren: 0, h: 0 };
      }
      case 'number': {
        lx.take();
        const value = Number(this.text.slice(start, end));
        return this.headTerm({ kind: 'literal', value, loc: this.loc(start, end) }, start, end, 1);
      }
      case '"':
        return this.quoted();
      case '<<':
      case '<<-':
        return this.heredoc();
      case '[':
        lx.take();
        return lx.isWord('for') ? this.forExpr(start, false) : this.tuple(start);
      case '{':
        lx.take();
        return lx.isWord('for') ? this.forExpr(start, true) : this.object(start);
      case '(': {
        lx.take();
        const comments = lx.comments.length;
        lx.peek();
        const paren = lx.comments.length === comments ? 1 : 2;
        const inner = this.expression();
        const h = this.h;
        const innerStart = this.exprStart;
        if (lx.peek() !== ')') giveUp('expected `)`');
        const close = lx.end;
        lx.take();
        return {
          start,
          headStart: innerStart,
          end: close,
          head: inner,
          root: '',
          steps: [],
          paren,
          h: 1 + h,
        };
      }
      default:
        return giveUp(`\`${t}\` where an expression should start`);
    }
  }

  /** A call: `name(` peeked. The name is the text before `(`, as the conversion reads it. */
  private call(start: number): Term {
    const lx = this.lx;
    const name = this.text.slice(start, lx.start).trim();
    lx.take();
    const args: Expr[] = [];
    let expand = false;
    let h = 0;
    if (lx.peek() !== ')') {
      for (;;) {
        args.push(this.expression());
        if (this.h > h) h = this.h;
        const t = lx.peek();
        if (t === '...') {
          lx.take();
          expand = true;
          break;
        }
        if (t !== ',') break;
        lx.take();
        if (lx.peek() === ')') break;
      }
    }
    if (lx.peek() !== ')') giveUp('expected `)` after arguments');
    const end = lx.end;
    lx.take();
    return this.headTerm({ kind: 'call', name, args, expand, loc: this.loc(start, end) }, start, end, 1 + h);
  }

  private tuple(start: number): Term {
    const lx = this.lx;
    const items: Expr[] = [];
    let h = 0;
    while (lx.peek() !== ']') {
      items.push(this.expression());
      if (this.h > h) h = this.h;
      if (lx.peek() === ',') lx.take();
      else if (lx.type !== ']') giveUp('expected `,` or `]`');
    }
    const end = lx.end;
    lx.take();
    return this.headTerm({ kind: 'tuple', items, loc: this.loc(start, end) }, start, end, 2 + h);
  }

  private object(start: number): Term {
    const lx = this.lx;
    const items: ObjectItem[] = [];
    let h = 0;
    // Commas between elements are optional in the grammar.
    while (lx.peek() !== '}') {
      items.push(this.objectElem());
      if (this.h > h) h = this.h;
      if (lx.peek() === ',') lx.take();
    }
    const end = lx.end;
    lx.take();
    return this.headTerm({ kind: 'object', items, loc: this.loc(start, end) }, start, end, 2 + h);
  }

  private objectElem(): ObjectItem {
    const lx = this.lx;
    const key = this.expression();
    const start = this.exprStart;
    const paren = this.lastParen;
    const kh = this.h;
    const t = lx.peek();
    if (t !== '=' && t !== ':') giveUp('expected `=` or `:` after an object key');
    lx.take();
    const value = this.expression();
    if (kh > this.h) this.h = kh;
    let name: string | undefined;
    if (key.kind === 'ref' && key.steps.length === 0) name = key.root;
    else if (key.kind === 'literal' && typeof key.value === 'string') name = key.value;
    else if (key.kind === 'template' && key.parts.every((p) => typeof p === 'string'))
      name = key.parts.join('');
    // A parenthesised key `(var.k)` is an expression, never a bare name (unless a comment comes
    // first inside the parentheses: the conversion looks at the first named child).
    if (paren === 1) name = undefined;
    return { name, key, value, loc: this.loc(start, this.exprEnd) };
  }

  /** `[for ...]` or `{for ...}`, `for` peeked. */
  private forExpr(start: number, object: boolean): Term {
    const lx = this.lx;
    lx.take();
    const ids = [this.forName()];
    if (lx.peek() === ',') {
      lx.take();
      ids.push(this.forName());
    }
    if (!lx.isWord('in')) giveUp('expected `in`');
    lx.take();
    const collection = this.expression();
    let h = this.h;
    lx.expect(':');
    let key: Expr | undefined;
    if (object) {
      key = this.expression();
      h = Math.max(h, this.h);
      lx.expect('=>');
    }
    const value = this.expression();
    h = Math.max(h, this.h);
    let group = false;
    if (object && lx.peek() === '...') {
      lx.take();
      group = true;
    }
    let cond: Expr | undefined;
    if (lx.isWord('if')) {
      lx.take();
      cond = this.expression();
      h = Math.max(h, this.h);
    }
    if (lx.peek() !== (object ? '}' : ']')) giveUp('expected the end of a for expression');
    const end = lx.end;
    lx.take();
    // Keys in the order the conversion writes them.
    const expr: Expr & { kind: 'for' } = {
      kind: 'for',
      object,
      valueVar: ids.length > 1 ? ids[1]! : ids[0]!,
      collection,
      group,
      loc: this.loc(start, end),
    } as Expr & { kind: 'for' };
    if (ids.length > 1) expr.keyVar = ids[0]!;
    if (cond) expr.cond = cond;
    if (key) expr.key = key;
    expr.value = value;
    return this.headTerm(expr, start, end, 1 + h);
  }

  private forName(): string {
    const lx = this.lx;
    if (lx.peek() !== 'ident') giveUp('expected a name');
    const name = lx.tokenText();
    if (KEYWORDS.has(name)) giveUp('a keyword as a name');
    lx.take();
    return name;
  }

  /** A quoted string, `"` peeked: a literal without interpolations or directives, else a template. */
  private quoted(): Term {
    const lx = this.lx;
    const start = lx.start;
    lx.take();
    const parts: (string | Expr)[] = [];
    const state: TemplateState = { children: false, directives: false, h: 0 };
    this.templateText(parts, state, undefined, false);
    const close = lx.pos;
    const end = close + 1;
    lx.pos = end;
    const loc = this.loc(start, end);
    if (!state.children) {
      return this.headTerm(
        { kind: 'literal', value: stringValue(this.text, start + 1, close), loc },
        start,
        end,
        1,
      );
    }
    const expr: Expr = state.directives
      ? { kind: 'template', parts, loc, directives: true }
      : { kind: 'template', parts, loc };
    return this.headTerm(expr, start, end, 2 + state.h);
  }

  /** `<<MARKER` or `<<-MARKER` peeked; the text starts on the next line and ends before the line of the marker. */
  private heredoc(): Term {
    const lx = this.lx;
    const text = this.text;
    const start = lx.start;
    const strip = lx.type === '<<-';
    lx.take();
    let i = lx.pos;
    while (isIdentPart(text.charCodeAt(i))) i++;
    if (i === lx.pos || text.charCodeAt(i) >= 0x80) giveUp('a heredoc marker that is not plain');
    const marker = text.slice(lx.pos, i);
    while (isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== LF) giveUp('text after a heredoc marker');
    lx.pos = i + 1;
    const parts: (string | Expr)[] = [];
    const state: TemplateState = { children: false, directives: false, h: 0 };
    this.templateText(parts, state, marker, true);
    const end = lx.pos;
    const loc = this.loc(start, end);
    const expr: Expr = state.directives
      ? { kind: 'template', parts, loc, heredoc: true, directives: true }
      : { kind: 'template', parts, loc, heredoc: true };
    if (strip) stripIndent(parts);
    return this.headTerm(expr, start, end, 2 + state.h);
  }

  /**
   * Template text from `lx.pos` to its end, which it returns: `"` (quoted; `lx.pos` at the quote),
   * `close` (heredoc: `lx.pos` after the closing marker), or inside a directive (`parts` undefined)
   * the `else`, `endif` or `endfor` directive that ends this part (consumed). On the template's own
   * level (`parts` given) text goes to `parts` decoded, and interpolations and directives as the
   * conversion has them.
   */
  private templateText(
    parts: (string | Expr)[] | undefined,
    state: TemplateState | undefined,
    marker: string | undefined,
    lineStart: boolean,
  ): string {
    const text = this.text;
    const lx = this.lx;
    const heredoc = marker !== undefined;
    const decode = heredoc ? unescapeHeredoc : unescapeQuoted;
    let i = lx.pos;
    let cursor = i;
    let atLineStart = lineStart;
    for (;;) {
      if (atLineStart) {
        atLineStart = false;
        // The grammar's scanner ends a heredoc at the first line whose first word starts with the
        // marker and is followed by blanks only. Followed by anything else, the marker, the blanks
        // and the next character are text, even a `$` of `${`: that case is left to tree-sitter.
        let j = i;
        while (isBlank(text.charCodeAt(j))) j++;
        if (text.startsWith(marker!, j)) {
          let k = j + marker!.length;
          while (isBlank(text.charCodeAt(k))) k++;
          const next = text.charCodeAt(k);
          if (next === LF) {
            if (parts && i > cursor) parts.push(decode(text.slice(cursor, i)));
            lx.pos = j + marker!.length;
            return 'close';
          }
          if (next === DOLLAR || next === PERCENT) giveUp('`${` or `%{` right after a heredoc marker');
        }
      }
      if (i >= text.length) giveUp('unterminated template');
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (!heredoc) giveUp('a line break in a quoted string');
        atLineStart = true;
        i++;
      } else if (c === DOLLAR || c === PERCENT) {
        const d = text.charCodeAt(i + 1);
        if (d !== LBRACE) {
          // `$$` / `%%` (with `{`, an escape) is one chunk for the scanner: a `{` after it is text.
          i += d === c ? (text.charCodeAt(i + 2) === LBRACE ? 3 : 2) : 1;
          continue;
        }
        if (parts && i > cursor) parts.push(decode(text.slice(cursor, i)));
        lx.pos = i + 2;
        if (c === DOLLAR) {
          const expr = this.interpolation(i);
          if (parts && state) {
            parts.push(expr);
            state.children = true;
            if (this.h > state.h) state.h = this.h;
          }
        } else {
          const word = this.directive(marker);
          if (word !== 'if' && word !== 'for') {
            if (parts) giveUp(`\`%{ ${word} }\` outside its directive`);
            return word;
          }
          if (parts && state) {
            parts.push({ kind: 'unsupported', loc: this.loc(i, lx.pos) });
            state.children = true;
            state.directives = true;
          }
        }
        i = lx.pos;
        cursor = i;
      } else if (heredoc) i++;
      else if (c === QUOTE) {
        if (parts && i > cursor) parts.push(decode(text.slice(cursor, i)));
        lx.pos = i;
        return '"';
      } else if (c === BACKSLASH) i = this.escape(i);
      else if (c === CR) giveUp('a line break in a quoted string');
      else i++;
    }
  }

  /** `${` at `start` (`lx.pos` after it) through its `}`. */
  private interpolation(start: number): Expr {
    const lx = this.lx;
    if (lx.peek() === '~') lx.take();
    let expr: Expr | undefined;
    let h = 0;
    if (lx.peek() !== '}' && lx.type !== '~') {
      expr = this.expression();
      h = this.h;
    }
    if (lx.peek() === '~') lx.take();
    if (lx.peek() !== '}') giveUp('expected `}` after an interpolation');
    const end = lx.end;
    lx.take();
    this.h = h;
    return expr ?? { kind: 'unsupported', loc: this.loc(start, end) };
  }

  /**
   * A directive, `lx.pos` after its `%{`: an `if` or `for` read through its `endif` / `endfor`
   * (returns `if` / `for`), or an `else`, `endif`, `endfor` (returns the word).
   */
  private directive(marker: string | undefined): string {
    const lx = this.lx;
    this.enter();
    if (lx.peek() === '~') lx.take();
    if (lx.peek() !== 'ident') giveUp('expected a directive keyword');
    const word = lx.tokenText();
    lx.take();
    if (word === 'if') {
      this.expression();
      this.directiveEnd();
      let end = this.templateText(undefined, undefined, marker, false);
      if (end === 'else') end = this.templateText(undefined, undefined, marker, false);
      if (end !== 'endif') giveUp('`%{ if }` without its `%{ endif }`');
    } else if (word === 'for') {
      this.forName();
      if (lx.peek() === ',') {
        lx.take();
        this.forName();
      }
      if (!lx.isWord('in')) giveUp('expected `in`');
      lx.take();
      this.expression();
      this.directiveEnd();
      if (this.templateText(undefined, undefined, marker, false) !== 'endfor')
        giveUp('`%{ for }` without its `%{ endfor }`');
    } else if (word === 'else' || word === 'endif' || word === 'endfor') this.directiveEnd();
    else giveUp(`directive \`${word}\``);
    this.nest--;
    return word;
  }

  private directiveEnd(): void {
    const lx = this.lx;
    if (lx.peek() === '~') lx.take();
    if (lx.peek() !== '}') giveUp('expected `}` after a directive');
    lx.take();
  }
}

/** Blanks on a heredoc's marker line (the scanner's `iswspace` less the line feed). */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/**
 * The value of a `string_lit` between offsets: the grammar's literal skips blanks at either end
 * (its scanner skips white space before every character).
 */
function stringValue(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  return unescapeQuoted(text.slice(a, b));
}
