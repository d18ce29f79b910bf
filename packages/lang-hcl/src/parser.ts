import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type Comment,
  type Loc,
  type ParseProblem,
  type SourceFile,
  UnscannableFileError,
} from '@plumbline/core';
import { type Node, Parser, Language as TsLanguage } from 'web-tree-sitter';
import type { Attribute, Block, Body, Expr, ObjectItem, Step } from './ast.js';

export interface HclInitOptions {
  /**
   * Where to find a `.wasm` file by name (`web-tree-sitter.wasm`, `tree-sitter-terraform.wasm`):
   * a bundled Action copies them next to its bundle and passes this.
   */
  locateFile?: (name: string) => string;
}

let parser: Parser | undefined;
let initialising: Promise<void> | undefined;

/** Loads the tree-sitter runtime and the Terraform grammar once per process. */
export function initHclParser(options: HclInitOptions = {}): Promise<void> {
  if (parser) return Promise.resolve();
  initialising ??= (async () => {
    const require = createRequire(import.meta.url);
    // A bundle (the Action, the published CLI and its worker threads) names the folder it ships them in.
    const bundled = process.env.PLUMBLINE_WASM_DIR;
    const locate =
      options.locateFile ??
      ((name: string) =>
        bundled
          ? join(bundled, name)
          : name === 'tree-sitter-terraform.wasm'
            ? require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')
            : require.resolve(`web-tree-sitter/${name}`));
    await Parser.init({ locateFile: (name: string) => locate(name) });
    const language = await TsLanguage.load(locate('tree-sitter-terraform.wasm'));
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  initialising.catch(() => {
    initialising = undefined;
  });
  return initialising;
}

export interface ParsedHcl {
  body: Body;
  comments: Comment[];
  problems: ParseProblem[];
}

/** Parses HCL native syntax into blocks, attributes and expressions with offsets. */
export function parseHclText(file: SourceFile): ParsedHcl {
  if (!parser) throw new Error('HCL parser not initialised: await hclLanguage.init() first');
  const tree = parser.parse(file.text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    const conv = new Converter(file);
    const bodyNode = root.namedChildren.find((c) => c.type === 'body');
    const body = bodyNode ? conv.body(bodyNode) : { attributes: [], blocks: [] };
    const comments = root.descendantsOfType('comment').map((n) => conv.comment(n!));
    const problems = root.hasError ? conv.problems(root) : [];
    return { body, comments, problems };
  } finally {
    tree.delete();
  }
}

/**
 * Deepest nesting accepted: the conversion below and the evaluator recurse once per level of
 * blocks, brackets, operators or interpolations, so a deeper file is refused plainly (instead of
 * overflowing the stack). Real modules stay under 30 levels.
 */
export const MAX_NESTING_LEVELS = 500;

const OPERATOR_SKIP = new Set(['(', ')']);

class Converter {
  /**
   * Half-levels being converted (see MAX_NESTING_LEVELS): a block's body counts two, a primary
   * expression one (a bracket, an operator or an interpolation passes through two of them).
   */
  private depth = 0;

  constructor(private readonly file: SourceFile) {}

  /** Counted while converting, not by a walk of its own: a separate walk cost a tenth of the parse. */
  private enter(node: Node, halfLevels: number): void {
    this.depth += halfLevels;
    if (this.depth > 2 * MAX_NESTING_LEVELS)
      throw new UnscannableFileError(
        `blocks or expressions nested deeper than ${MAX_NESTING_LEVELS} levels`,
        node.startIndex,
      );
  }

  loc(node: Node): Loc {
    return { file: this.file, start: node.startIndex, end: node.endIndex };
  }

  range(start: number, end: number): Loc {
    return { file: this.file, start, end };
  }

  comment(node: Node): Comment {
    const raw = node.text;
    let text: string;
    if (raw.startsWith('/*')) text = raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
    else if (raw.startsWith('//')) text = raw.slice(2);
    else text = raw.slice(1);
    text = text.replace(/\r?\n$/, '');
    const start = node.startIndex;
    const lineStart = this.file.text.lastIndexOf('\n', start - 1) + 1;
    const end = raw.endsWith('\n') ? node.endIndex - (raw.endsWith('\r\n') ? 2 : 1) : node.endIndex;
    return {
      line: node.startPosition.row + 1,
      text,
      ownLine: this.file.text.slice(lineStart, start).trim() === '',
      start,
      end,
    };
  }

  /** The first five syntax errors, in document order (a stack, not recursion: error trees can be deep). */
  problems(root: Node): ParseProblem[] {
    const out: ParseProblem[] = [];
    const stack: Node[] = [root];
    while (stack.length > 0 && out.length < 5) {
      const node = stack.pop()!;
      if (node.isError || node.isMissing) {
        const snippet = node.text.split('\n')[0]!.slice(0, 40);
        const message = node.isMissing
          ? `syntax error: missing ${node.type}`
          : `syntax error: unexpected ${snippet ? `\`${snippet}\`` : 'input'}`;
        out.push({ message, loc: this.range(node.startIndex, Math.max(node.endIndex, node.startIndex + 1)) });
        continue;
      }
      if (!node.hasError) continue;
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
    }
    return out;
  }

  body(node: Node): Body {
    this.enter(node, 2);
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') attributes.push(this.attribute(child));
      else if (child.type === 'block') blocks.push(this.block(child));
    }
    this.depth -= 2;
    return { attributes, blocks };
  }

  attribute(node: Node): Attribute {
    const [name, value] = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    return {
      name: name!.text,
      nameLoc: this.loc(name!),
      expr: value ? this.expr(value) : { kind: 'unsupported', loc: this.loc(node) },
      loc: this.loc(node),
    };
  }

  block(node: Node): Block {
    const children = node.namedChildren.filter((c): c is Node => !!c);
    const type = children[0]!;
    const labels: string[] = [];
    let headerEnd = type.endIndex;
    let body: Body = { attributes: [], blocks: [] };
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit') {
        labels.push(this.stringLit(child));
        headerEnd = child.endIndex;
      } else if (child.type === 'identifier') {
        labels.push(child.text);
        headerEnd = child.endIndex;
      } else if (child.type === 'body') body = this.body(child);
    }
    return {
      type: type.text,
      labels,
      headerLoc: this.range(node.startIndex, headerEnd),
      loc: this.loc(node),
      ...body,
    };
  }

  /** Text of a `string_lit` label or key (no interpolation possible there). */
  stringLit(node: Node): string {
    const lit = node.namedChildren.find((c) => c?.type === 'template_literal');
    return lit ? unescapeQuoted(lit.text) : '';
  }

  /** An `expression` node (or any expression-like node). */
  expr(node: Node): Expr {
    if (node.type !== 'expression') return this.sequence([node], this.loc(node));
    const children = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    return this.sequence(children, this.loc(node));
  }

  /** A primary expression followed by postfix traversals (`get_attr`, `index`, `splat`). */
  sequence(children: Node[], loc: Loc): Expr {
    const [first, ...rest] = children;
    if (!first) return { kind: 'unsupported', loc };
    const steps: Step[] = [];
    for (const post of rest) steps.push(...this.steps(post));
    if (first.type === 'variable_expr') {
      if (steps.length === 0 && rest.length === 0) return { kind: 'ref', root: first.text, steps: [], loc };
      return { kind: 'ref', root: first.text, steps, loc };
    }
    const primary = this.primary(first);
    if (rest.length === 0) return primary;
    return { kind: 'get', target: primary, steps, loc };
  }

  steps(node: Node): Step[] {
    switch (node.type) {
      case 'get_attr': {
        const id = node.namedChildren.find((c) => c?.type === 'identifier');
        return [{ attr: id?.text ?? '' }];
      }
      case 'index': {
        const inner = node.namedChildren[0];
        if (!inner) return [];
        if (inner.type === 'legacy_index') {
          const n = inner.text.replace(/^\./, '');
          return [{ index: { kind: 'literal', value: Number(n), loc: this.loc(inner) } }];
        }
        const e = inner.namedChildren.find((c) => c?.type === 'expression');
        return [{ index: e ? this.expr(e) : { kind: 'unsupported', loc: this.loc(inner) } }];
      }
      case 'splat': {
        const inner = node.namedChildren[0];
        const out: Step[] = [{ splat: true }];
        for (const c of inner?.namedChildren ?? []) if (c) out.push(...this.steps(c));
        return out;
      }
      case 'get_attr_legacy':
      case 'legacy_index':
        return [
          { index: { kind: 'literal', value: Number(node.text.replace(/^\./, '')), loc: this.loc(node) } },
        ];
      default:
        return [];
    }
  }

  primary(node: Node): Expr {
    this.enter(node, 1);
    const expr = this.primaryOf(node);
    this.depth--;
    return expr;
  }

  private primaryOf(node: Node): Expr {
    const loc = this.loc(node);
    switch (node.type) {
      case 'expression':
        return this.expr(node);
      case 'literal_value':
        return this.literal(node.namedChildren[0]!, loc);
      case 'collection_value':
        return this.primary(node.namedChildren[0]!);
      case 'tuple':
        return {
          kind: 'tuple',
          items: node.namedChildren
            .filter((c): c is Node => c?.type === 'expression')
            .map((c) => this.expr(c)),
          loc,
        };
      case 'object':
        return {
          kind: 'object',
          items: node.namedChildren
            .filter((c): c is Node => c?.type === 'object_elem')
            .map((c) => this.objectElem(c)),
          loc,
        };
      case 'template_expr':
        return this.primary(node.namedChildren[0]!);
      case 'quoted_template':
        return this.quotedTemplate(node);
      case 'heredoc_template':
        return this.heredoc(node);
      case 'function_call': {
        const args = node.namedChildren.find((c) => c?.type === 'function_arguments');
        const open = node.children.find((c) => c?.type === '(');
        const name = this.file.text.slice(node.startIndex, open ? open.startIndex : node.startIndex).trim();
        return {
          kind: 'call',
          name: name || (node.namedChildren[0]?.text ?? ''),
          args: (args?.namedChildren ?? [])
            .filter((c): c is Node => c?.type === 'expression')
            .map((c) => this.expr(c)),
          expand: !!args?.namedChildren.some((c) => c?.type === 'ellipsis'),
          loc,
        };
      }
      case 'conditional': {
        const [c, t, e] = node.namedChildren.filter((x): x is Node => x?.type === 'expression');
        if (!c || !t || !e) return { kind: 'unsupported', loc };
        return {
          kind: 'conditional',
          cond: this.expr(c),
          whenTrue: this.expr(t),
          whenFalse: this.expr(e),
          loc,
        };
      }
      case 'operation':
        return this.primary(node.namedChildren[0]!);
      case 'unary_operation':
      case 'binary_operation':
        return this.operation(node, loc);
      case 'for_expr':
        return this.forExpr(node.namedChildren[0]!, loc);
      case 'variable_expr':
        return { kind: 'ref', root: node.text, steps: [], loc };
      default:
        return { kind: 'unsupported', loc };
    }
  }

  operation(node: Node, loc: Loc): Expr {
    const all = node.children.filter((c): c is Node => !!c && c.type !== 'comment');
    const opIndex = all.findIndex((c) => !c.isNamed && !OPERATOR_SKIP.has(c.type));
    if (opIndex < 0) return { kind: 'unsupported', loc };
    const op = all[opIndex]!.type;
    const left = all.slice(0, opIndex).filter((c) => c.isNamed);
    const right = all.slice(opIndex + 1).filter((c) => c.isNamed);
    const part = (nodes: Node[]): Expr =>
      nodes.length === 0
        ? { kind: 'unsupported', loc }
        : this.sequence(nodes, this.range(nodes[0]!.startIndex, nodes[nodes.length - 1]!.endIndex));
    if (node.type === 'unary_operation' || left.length === 0)
      return { kind: 'unary', op, operand: part(right), loc };
    return { kind: 'binary', op, left: part(left), right: part(right), loc };
  }

  forExpr(node: Node, loc: Loc): Expr {
    const children = node.namedChildren.filter((c): c is Node => !!c);
    const intro = children.find((c) => c.type === 'for_intro');
    if (!intro) return { kind: 'unsupported', loc };
    const ids = intro.namedChildren.filter((c): c is Node => c?.type === 'identifier').map((c) => c.text);
    const coll = intro.namedChildren.find((c) => c?.type === 'expression');
    const exprs = children.filter((c) => c.type === 'expression').map((c) => this.expr(c));
    const cond = children
      .find((c) => c.type === 'for_cond')
      ?.namedChildren.find((c) => c?.type === 'expression');
    const object = node.type === 'for_object_expr';
    const valueVar = ids.length > 1 ? ids[1]! : ids[0]!;
    const base = {
      kind: 'for' as const,
      object,
      valueVar,
      collection: coll ? this.expr(coll) : ({ kind: 'unsupported', loc } as Expr),
      group: children.some((c) => c.type === 'ellipsis'),
      loc,
      ...(ids.length > 1 ? { keyVar: ids[0]! } : {}),
      ...(cond ? { cond: this.expr(cond) } : {}),
    };
    if (object) {
      if (exprs.length < 2) return { kind: 'unsupported', loc };
      return { ...base, key: exprs[0]!, value: exprs[1]! };
    }
    if (exprs.length < 1) return { kind: 'unsupported', loc };
    return { ...base, value: exprs[0]! };
  }

  objectElem(node: Node): ObjectItem {
    const keyNode = node.childForFieldName('key');
    const valNode = node.childForFieldName('val');
    const key = keyNode ? this.expr(keyNode) : ({ kind: 'unsupported', loc: this.loc(node) } as Expr);
    let name: string | undefined;
    if (key.kind === 'ref' && key.steps.length === 0) name = key.root;
    else if (key.kind === 'literal' && typeof key.value === 'string') name = key.value;
    else if (key.kind === 'template' && key.parts.every((p) => typeof p === 'string'))
      name = key.parts.join('');
    // A parenthesised key `(var.k)` is an expression, never a bare name.
    if (keyNode && keyNode.namedChildren[0]?.type === 'expression') name = undefined;
    return {
      name,
      key,
      value: valNode ? this.expr(valNode) : { kind: 'unsupported', loc: this.loc(node) },
      loc: this.loc(node),
    };
  }

  literal(node: Node, loc: Loc): Expr {
    switch (node.type) {
      case 'numeric_lit':
        return { kind: 'literal', value: Number(node.text), loc };
      case 'bool_lit':
        return { kind: 'literal', value: node.text === 'true', loc };
      case 'null_lit':
        return { kind: 'literal', value: null, loc };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLit(node), loc };
      default:
        return { kind: 'unsupported', loc };
    }
  }

  quotedTemplate(node: Node): Expr {
    const children = node.children.filter((c): c is Node => !!c);
    const start = children[0]!.endIndex;
    const end =
      children[children.length - 1]!.type === 'quoted_template_end'
        ? children[children.length - 1]!.startIndex
        : node.endIndex;
    return this.template(node, start, end, false, unescapeQuoted);
  }

  heredoc(node: Node): Expr {
    const children = node.children.filter((c): c is Node => !!c);
    const ids = children.filter((c) => c.type === 'heredoc_identifier');
    const strip = children.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
    const text = this.file.text;
    const open = ids[0];
    let start = open ? text.indexOf('\n', open.endIndex) + 1 : node.startIndex;
    if (start <= 0) start = node.endIndex;
    const close = ids.length > 1 ? ids[ids.length - 1]! : undefined;
    const end = close ? text.lastIndexOf('\n', close.startIndex - 1) + 1 : node.endIndex;
    const template = this.template(node, start, Math.max(start, end), true, unescapeHeredoc);
    if (template.kind === 'template' && strip) stripIndent(template.parts);
    return template;
  }

  template(node: Node, start: number, end: number, heredoc: boolean, decode: (s: string) => string): Expr {
    const parts: (string | Expr)[] = [];
    let directives = false;
    let cursor = start;
    const text = this.file.text;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
      if (child.startIndex < start || child.endIndex > end) continue;
      if (child.startIndex > cursor) parts.push(decode(text.slice(cursor, child.startIndex)));
      if (child.type === 'template_interpolation') {
        const e = child.namedChildren.find((c) => c?.type === 'expression');
        parts.push(e ? this.expr(e) : { kind: 'unsupported', loc: this.loc(child) });
      } else {
        directives = true;
        parts.push({ kind: 'unsupported', loc: this.loc(child) });
      }
      cursor = child.endIndex;
    }
    if (end > cursor) parts.push(decode(text.slice(cursor, end)));
    const loc = this.loc(node);
    if (!heredoc && !directives && parts.every((p) => typeof p === 'string')) {
      return { kind: 'literal', value: parts.join(''), loc };
    }
    return {
      kind: 'template',
      parts,
      loc,
      ...(heredoc ? { heredoc } : {}),
      ...(directives ? { directives } : {}),
    };
  }
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

function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** `<<-` heredocs: remove the smallest indentation of the non-blank lines from every line. */
function stripIndent(parts: (string | Expr)[]): void {
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
