import { accessSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type Comment,
  type Loc,
  type ParseProblem,
  ParserNotLoadedError,
  type SourceFile,
  UnscannableFileError,
} from '@plumbline/core';
import { type Node, Parser, Language as TsLanguage } from 'web-tree-sitter';
import type { Attribute, Block, Body, Expr, ObjectItem, Step } from './ast.js';
import { hclComment, stripIndent, unescapeHeredoc, unescapeQuoted } from './hcl-text.js';
import { readNative } from './native/parser.js';

export { unescapeQuoted };

export interface HclInitOptions {
  /**
   * Where to find a `.wasm` file by name (`web-tree-sitter.wasm`, `tree-sitter-terraform.wasm`):
   * a bundled Action copies them next to its bundle and passes this.
   */
  locateFile?: (name: string) => string;
}

let parser: Parser | undefined;
let initialising: Promise<void> | undefined;

/**
 * Loads the tree-sitter runtime and the Terraform grammar once per process: the language's `load`,
 * called the first time a file needs it (most are read by the hand-written parser alone).
 */
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
    // A missing file fails here, plainly, not inside the WebAssembly runtime (which prints to stderr).
    for (const name of ['web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) accessSync(locate(name));
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

/** Is the tree-sitter grammar loaded (`initHclParser`)? */
export function hclGrammarLoaded(): boolean {
  return parser !== undefined;
}

/** The tree-sitter parser; a parse that needs it before `initHclParser` is asked to load it first. */
function loadedParser(): Parser {
  if (!parser) throw new ParserNotLoadedError('the Terraform grammar (tree-sitter-hcl) is not loaded');
  return parser;
}

export interface ParsedHcl {
  body: Body;
  comments: Comment[];
  problems: ParseProblem[];
}

/**
 * Parses HCL native syntax into blocks, attributes and expressions with offsets: with the
 * hand-written parser of `native/` when it is sure of the file (the same model, see its README),
 * else (syntax errors, rare constructs) with tree-sitter.
 */
export function parseHclText(file: SourceFile): ParsedHcl {
  const native = readNative(file, 2 * MAX_NESTING_LEVELS);
  return typeof native === 'string' ? parseHclTreeSitter(file) : native;
}

/** The tree-sitter way only (what `parseHclText` falls back to; compared with the native way in tests). */
export function parseHclTreeSitter(file: SourceFile): ParsedHcl {
  const tree = loadedParser().parse(file.text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    const hasError = root.hasError;
    const conv = new Converter(file, !hasError);
    let body: Body = { attributes: [], blocks: [] };
    for (const child of root.namedChildren) {
      if (child?.type === 'body') {
        body = conv.body(child);
        break;
      }
    }
    const comments = commentNodes(root, file.text).map((n) => conv.comment(n));
    const problems = hasError ? conv.problems(root) : [];
    return { body, comments, problems };
  } finally {
    tree.delete();
  }
}

/**
 * The comment nodes of a tree. Finding them walks the whole tree inside tree-sitter (a tenth of
 * the parse), so the walk is skipped when no comment can start anywhere in the text, and kept to
 * the lines between the first and the last place one could start.
 */
function commentNodes(root: Node, text: string): Node[] {
  const marker = /#|\/\/|\/\*/g;
  const first = marker.exec(text);
  if (!first) return [];
  const last = Math.max(text.lastIndexOf('#'), text.lastIndexOf('//'), text.lastIndexOf('/*'));
  // Rows as tree-sitter counts them (one per `\n`); a comment starts at or after column 0 of the first.
  let firstRow = 0;
  let lastRow = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < last; i = text.indexOf('\n', i + 1)) {
    if (i < first.index) firstRow++;
    lastRow++;
  }
  const nodes = root.descendantsOfType(
    'comment',
    { row: firstRow, column: 0 },
    { row: lastRow + 1, column: 0 },
  );
  return nodes.filter((n): n is Node => !!n);
}

/**
 * Deepest nesting accepted: the conversion below and the evaluator recurse once per level of
 * blocks, brackets, operators or interpolations, so a deeper file is refused plainly (instead of
 * overflowing the stack). Real modules stay under 30 levels.
 */
export const MAX_NESTING_LEVELS = 500;

const OPERATOR_SKIP = new Set(['(', ')']);

/** The grammar's identifiers (`::` in provider functions), dotted: `var.x`, `aws_s3_bucket.b.id`. */
const IDENT = String.raw`[\p{ID_Start}_](?:[\p{ID_Continue}-]|::)*`;
const REFERENCE = new RegExp(`^${IDENT}(?:\\.${IDENT})*$`, 'u');
/** A quoted string with no quote, `${` or `%{` inside (an interpolation-free `string_lit`). */
const PLAIN_STRING = /^"(?:[^"$%]|\$(?!\{)|%(?!\{))*"$/;
/** The grammar's `numeric_lit`. */
const NUMBER = /^(?:[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?|0x[0-9a-zA-Z]+)$/;

/**
 * White space at either end, as the grammar's scanner sees it (C `iswspace`) or wider: JavaScript's
 * `\s` plus U+0085 and U+180E, which some C libraries count and `\s` does not.
 */
const EDGE_SPACE = /^[\s\u0085\u180e]|[\s\u0085\u180e]$/;

/**
 * Named children with their types. Every `type`, `endIndex` or child list read crosses into
 * WebAssembly (and a child list allocates a `Node` per child), which is most of the conversion's
 * cost: each is read once and passed along.
 */
interface Kids {
  nodes: Node[];
  types: string[];
}

function namedKids(node: Node, skipComments: boolean): Kids {
  const nodes: Node[] = [];
  const types: string[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (skipComments && type === 'comment') continue;
    nodes.push(child);
    types.push(type);
  }
  return { nodes, types };
}

class Converter {
  /**
   * Half-levels being converted (see MAX_NESTING_LEVELS): a block's body counts two, a primary
   * expression one (a bracket, an operator or an interpolation passes through two of them).
   */
  private depth = 0;
  private readonly text: string;

  /** `clean`: the tree has no syntax error, so nodes have the shape the grammar gives them. */
  constructor(
    private readonly file: SourceFile,
    private readonly clean: boolean,
  ) {
    this.text = file.text;
  }

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

  /** A node's text, from the source already held (the tree was parsed from it, offsets in UTF-16 units). */
  textOf(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  comment(node: Node): Comment {
    return hclComment(this.text, node.startIndex, node.endIndex, node.startPosition.row + 1);
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
      const type = child.type;
      if (type === 'attribute') attributes.push(this.attribute(child));
      else if (type === 'block') blocks.push(this.block(child));
    }
    this.depth -= 2;
    return { attributes, blocks };
  }

  attribute(node: Node): Attribute {
    const { nodes, types } = namedKids(node, true);
    const name = nodes[0]!;
    const value = nodes[1];
    const nameStart = name.startIndex;
    const nameEnd = name.endIndex;
    return {
      name: this.text.slice(nameStart, nameEnd),
      nameLoc: this.range(nameStart, nameEnd),
      expr: value ? this.expr(value, types[1]!) : { kind: 'unsupported', loc: this.loc(node) },
      loc: this.loc(node),
    };
  }

  block(node: Node): Block {
    const { nodes, types } = namedKids(node, false);
    const type = nodes[0]!;
    const typeEnd = type.endIndex;
    const labels: string[] = [];
    let headerEnd = typeEnd;
    let body: Body = { attributes: [], blocks: [] };
    for (let i = 1; i < nodes.length; i++) {
      const child = nodes[i]!;
      const childType = types[i];
      if (childType === 'string_lit') {
        labels.push(this.stringLit(child));
        headerEnd = child.endIndex;
      } else if (childType === 'identifier') {
        labels.push(this.textOf(child));
        headerEnd = child.endIndex;
      } else if (childType === 'body') body = this.body(child);
    }
    return {
      type: this.text.slice(type.startIndex, typeEnd),
      labels,
      headerLoc: this.range(node.startIndex, headerEnd),
      loc: this.loc(node),
      ...body,
    };
  }

  /** Text of a `string_lit` label or key (no interpolation possible there). */
  stringLit(node: Node): string {
    const known = this.clean ? stringBetweenQuotes(this.text, node.startIndex, node.endIndex) : undefined;
    if (known !== undefined) return known;
    const lit = node.namedChildren.find((c) => c?.type === 'template_literal');
    return lit ? unescapeQuoted(lit.text) : '';
  }

  /**
   * A `literal_value` of a well-formed tree read from its text, without its child node: the one
   * child (`string_lit`, `bool_lit`, `null_lit`, `numeric_lit`) spans it exactly (tree-sitter
   * never ends a node with a comment nor starts one with it). Undefined when unsure.
   */
  private literalText(loc: Loc): Expr | undefined {
    const text = this.text.slice(loc.start, loc.end);
    const first = text.charCodeAt(0);
    if (first === 0x22 /* " */) {
      const value = stringBetweenQuotes(this.text, loc.start, loc.end);
      return value === undefined ? undefined : { kind: 'literal', value, loc };
    }
    if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true', loc };
    if (text === 'null') return { kind: 'literal', value: null, loc };
    if (first >= 0x30 && first <= 0x39) return { kind: 'literal', value: Number(text), loc };
    return undefined;
  }

  /** An `expression` node (or any expression-like node) whose type the caller has read. */
  expr(node: Node, type: string): Expr {
    if (type !== 'expression') return this.sequence([node], [type], this.loc(node));
    const simple = this.clean ? this.simpleExpr(node) : undefined;
    if (simple) return simple;
    const { nodes, types } = namedKids(node, true);
    return this.sequence(nodes, types, this.loc(node));
  }

  /**
   * An `expression` of a well-formed tree that is a plain reference (`var.x`, `aws_s3_bucket.b.id`)
   * or one literal (a string without interpolation, a number, a bool, null), read from its text
   * without its child nodes: what the nodes would give, the same depth counted. Undefined otherwise.
   */
  private simpleExpr(node: Node): Expr | undefined {
    const start = node.startIndex;
    const end = node.endIndex;
    const text = this.text.slice(start, end);
    const loc = this.range(start, end);
    if (REFERENCE.test(text)) {
      const [root, ...attrs] = text.split('.');
      if (root === 'true' || root === 'false' || root === 'null') return undefined;
      return { kind: 'ref', root: root!, steps: attrs.map((attr) => ({ attr })), loc };
    }
    let value: string | number | boolean | null;
    if (text.charCodeAt(0) === 0x22 /* " */) {
      // One `string_lit`: no quote inside (escaped or not), nothing that could start a template.
      if (!PLAIN_STRING.test(text)) return undefined;
      const known = stringBetweenQuotes(this.text, start, end);
      if (known === undefined) return undefined;
      value = known;
    } else if (text === 'true' || text === 'false') value = text === 'true';
    else if (text === 'null') value = null;
    else if (NUMBER.test(text)) value = Number(text);
    else return undefined;
    // The nodes pass through one primary (the `literal_value`): counted the same.
    this.enter(node, 1);
    this.depth--;
    return { kind: 'literal', value, loc };
  }

  /** A primary expression followed by postfix traversals (`get_attr`, `index`, `splat`). */
  sequence(children: Node[], types: string[], loc: Loc): Expr {
    const first = children[0];
    if (!first) return { kind: 'unsupported', loc };
    const steps: Step[] = [];
    for (let i = 1; i < children.length; i++) steps.push(...this.steps(children[i]!, types[i]!));
    if (types[0] === 'variable_expr') return { kind: 'ref', root: this.textOf(first), steps, loc };
    const primary = this.primary(first, types[0]!);
    if (children.length === 1) return primary;
    return { kind: 'get', target: primary, steps, loc };
  }

  steps(node: Node, type: string): Step[] {
    switch (type) {
      case 'get_attr': {
        if (this.clean) {
          // `.name` with nothing between the dot and the name: the name is the rest of the text.
          const name = this.text.slice(node.startIndex + 1, node.endIndex);
          if (name !== '' && !/[\s#/]/.test(name)) return [{ attr: name }];
        }
        const id = node.namedChildren.find((c) => c?.type === 'identifier');
        return [{ attr: id ? this.textOf(id) : '' }];
      }
      case 'index': {
        const inner = node.namedChildren[0];
        if (!inner) return [];
        if (inner.type === 'legacy_index') {
          const n = this.textOf(inner).replace(/^\./, '');
          return [{ index: { kind: 'literal', value: Number(n), loc: this.loc(inner) } }];
        }
        const e = inner.namedChildren.find((c) => c?.type === 'expression');
        return [{ index: e ? this.expr(e, 'expression') : { kind: 'unsupported', loc: this.loc(inner) } }];
      }
      case 'splat': {
        const inner = node.namedChildren[0];
        const out: Step[] = [{ splat: true }];
        for (const c of inner?.namedChildren ?? []) if (c) out.push(...this.steps(c, c.type));
        return out;
      }
      case 'get_attr_legacy':
      case 'legacy_index':
        return [
          {
            index: {
              kind: 'literal',
              value: Number(this.textOf(node).replace(/^\./, '')),
              loc: this.loc(node),
            },
          },
        ];
      default:
        return [];
    }
  }

  primary(node: Node, type: string): Expr {
    this.enter(node, 1);
    const expr = this.primaryOf(node, type);
    this.depth--;
    return expr;
  }

  /** The first named child and its type. */
  private firstKid(node: Node): [Node, string] {
    const child = node.namedChildren[0]!;
    return [child, child.type];
  }

  private primaryOf(node: Node, type: string): Expr {
    const loc = this.loc(node);
    switch (type) {
      case 'expression':
        return this.expr(node, type);
      case 'literal_value': {
        const known = this.clean ? this.literalText(loc) : undefined;
        if (known) return known;
        const [child, childType] = this.firstKid(node);
        return this.literal(child, childType, loc);
      }
      case 'collection_value':
      case 'template_expr':
      case 'operation':
        return this.primary(...this.firstKid(node));
      case 'tuple': {
        const { nodes, types } = namedKids(node, true);
        const items: Expr[] = [];
        for (let i = 0; i < nodes.length; i++)
          if (types[i] === 'expression') items.push(this.expr(nodes[i]!, 'expression'));
        return { kind: 'tuple', items, loc };
      }
      case 'object': {
        const { nodes, types } = namedKids(node, true);
        const items: ObjectItem[] = [];
        for (let i = 0; i < nodes.length; i++)
          if (types[i] === 'object_elem') items.push(this.objectElem(nodes[i]!));
        return { kind: 'object', items, loc };
      }
      case 'quoted_template':
        return this.quotedTemplate(node);
      case 'heredoc_template':
        return this.heredoc(node);
      case 'function_call': {
        const kids = namedKids(node, false);
        const args = kids.nodes[kids.types.indexOf('function_arguments')];
        const open = node.children.find((c) => c?.type === '(');
        const name = this.text.slice(node.startIndex, open ? open.startIndex : node.startIndex).trim();
        const argKids = args ? namedKids(args, false) : { nodes: [], types: [] };
        const argExprs: Expr[] = [];
        for (let i = 0; i < argKids.nodes.length; i++)
          if (argKids.types[i] === 'expression') argExprs.push(this.expr(argKids.nodes[i]!, 'expression'));
        return {
          kind: 'call',
          name: name || (kids.nodes[0] ? this.textOf(kids.nodes[0]) : ''),
          args: argExprs,
          expand: argKids.types.includes('ellipsis'),
          loc,
        };
      }
      case 'conditional': {
        const { nodes, types } = namedKids(node, false);
        const [c, t, e] = nodes.filter((_, i) => types[i] === 'expression');
        if (!c || !t || !e) return { kind: 'unsupported', loc };
        return {
          kind: 'conditional',
          cond: this.expr(c, 'expression'),
          whenTrue: this.expr(t, 'expression'),
          whenFalse: this.expr(e, 'expression'),
          loc,
        };
      }
      case 'unary_operation':
      case 'binary_operation':
        return this.operation(node, type, loc);
      case 'for_expr':
        return this.forExpr(...this.firstKid(node), loc);
      case 'variable_expr':
        return { kind: 'ref', root: this.textOf(node), steps: [], loc };
      default:
        return { kind: 'unsupported', loc };
    }
  }

  operation(node: Node, type: string, loc: Loc): Expr {
    const all: { node: Node; type: string; named: boolean }[] = [];
    for (const c of node.children) {
      if (!c) continue;
      const t = c.type;
      if (t !== 'comment') all.push({ node: c, type: t, named: c.isNamed });
    }
    const opIndex = all.findIndex((c) => !c.named && !OPERATOR_SKIP.has(c.type));
    if (opIndex < 0) return { kind: 'unsupported', loc };
    const op = all[opIndex]!.type;
    const left = all.slice(0, opIndex).filter((c) => c.named);
    const right = all.slice(opIndex + 1).filter((c) => c.named);
    const part = (parts: typeof all): Expr =>
      parts.length === 0
        ? { kind: 'unsupported', loc }
        : this.sequence(
            parts.map((p) => p.node),
            parts.map((p) => p.type),
            this.range(parts[0]!.node.startIndex, parts[parts.length - 1]!.node.endIndex),
          );
    if (type === 'unary_operation' || left.length === 0)
      return { kind: 'unary', op, operand: part(right), loc };
    return { kind: 'binary', op, left: part(left), right: part(right), loc };
  }

  forExpr(node: Node, type: string, loc: Loc): Expr {
    const { nodes: children, types } = namedKids(node, false);
    const intro = children[types.indexOf('for_intro')];
    if (!intro) return { kind: 'unsupported', loc };
    const introKids = namedKids(intro, false);
    const ids = introKids.nodes
      .filter((_, i) => introKids.types[i] === 'identifier')
      .map((c) => this.textOf(c));
    const coll = introKids.nodes[introKids.types.indexOf('expression')];
    const exprs = children.filter((_, i) => types[i] === 'expression').map((c) => this.expr(c, 'expression'));
    const condNode = children[types.indexOf('for_cond')];
    const cond = condNode?.namedChildren.find((c) => c?.type === 'expression');
    const object = type === 'for_object_expr';
    const valueVar = ids.length > 1 ? ids[1]! : ids[0]!;
    const base = {
      kind: 'for' as const,
      object,
      valueVar,
      collection: coll ? this.expr(coll, 'expression') : ({ kind: 'unsupported', loc } as Expr),
      group: types.includes('ellipsis'),
      loc,
      ...(ids.length > 1 ? { keyVar: ids[0]! } : {}),
      ...(cond ? { cond: this.expr(cond, 'expression') } : {}),
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
    const keyType = keyNode?.type;
    // A key read from its text is a plain name or literal, never a parenthesised expression.
    const simpleKey = this.clean && keyType === 'expression' ? this.simpleExpr(keyNode!) : undefined;
    const key =
      simpleKey ??
      (keyNode ? this.expr(keyNode, keyType!) : ({ kind: 'unsupported', loc: this.loc(node) } as Expr));
    let name: string | undefined;
    if (key.kind === 'ref' && key.steps.length === 0) name = key.root;
    else if (key.kind === 'literal' && typeof key.value === 'string') name = key.value;
    else if (key.kind === 'template' && key.parts.every((p) => typeof p === 'string'))
      name = key.parts.join('');
    // A parenthesised key `(var.k)` is an expression, never a bare name.
    if (!simpleKey && keyNode && keyNode.namedChildren[0]?.type === 'expression') name = undefined;
    return {
      name,
      key,
      value: valNode ? this.expr(valNode, valNode.type) : { kind: 'unsupported', loc: this.loc(node) },
      loc: this.loc(node),
    };
  }

  literal(node: Node, type: string, loc: Loc): Expr {
    switch (type) {
      case 'numeric_lit':
        return { kind: 'literal', value: Number(this.textOf(node)), loc };
      case 'bool_lit':
        return { kind: 'literal', value: this.textOf(node) === 'true', loc };
      case 'null_lit':
        return { kind: 'literal', value: null, loc };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLit(node), loc };
      default:
        return { kind: 'unsupported', loc };
    }
  }

  /** All children with their types (in a template they are all named: no list of named ones is needed). */
  private allKids(node: Node): Kids {
    const nodes = node.children.filter((c): c is Node => !!c);
    return { nodes, types: nodes.map((c) => c.type) };
  }

  quotedTemplate(node: Node): Expr {
    const kids = this.allKids(node);
    const { nodes: children, types } = kids;
    const start = children[0]!.endIndex;
    const end =
      types[types.length - 1] === 'quoted_template_end'
        ? children[children.length - 1]!.startIndex
        : node.endIndex;
    return this.template(node, kids, start, end, false, unescapeQuoted);
  }

  heredoc(node: Node): Expr {
    const kids = this.allKids(node);
    const { nodes: children, types } = kids;
    const ids = children.filter((_, i) => types[i] === 'heredoc_identifier');
    const strip = children.some((c, i) => types[i] === 'heredoc_start' && this.textOf(c) === '<<-');
    const text = this.text;
    const open = ids[0];
    let start = open ? text.indexOf('\n', open.endIndex) + 1 : node.startIndex;
    if (start <= 0) start = node.endIndex;
    const close = ids.length > 1 ? ids[ids.length - 1]! : undefined;
    const end = close ? text.lastIndexOf('\n', close.startIndex - 1) + 1 : node.endIndex;
    const template = this.template(node, kids, start, Math.max(start, end), true, unescapeHeredoc);
    if (template.kind === 'template' && strip) stripIndent(template.parts);
    return template;
  }

  /** `kids`: the template's children; only interpolations and directives (named types) are read. */
  template(
    node: Node,
    kids: Kids,
    start: number,
    end: number,
    heredoc: boolean,
    decode: (s: string) => string,
  ): Expr {
    const parts: (string | Expr)[] = [];
    let directives = false;
    let cursor = start;
    const text = this.text;
    for (let i = 0; i < kids.nodes.length; i++) {
      const type = kids.types[i];
      if (type !== 'template_interpolation' && type !== 'template_directive') continue;
      const child = kids.nodes[i]!;
      const childStart = child.startIndex;
      const childEnd = child.endIndex;
      if (childStart < start || childEnd > end) continue;
      if (childStart > cursor) parts.push(decode(text.slice(cursor, childStart)));
      if (type === 'template_interpolation') {
        const e = child.namedChildren.find((c) => c?.type === 'expression');
        parts.push(
          e ? this.expr(e, 'expression') : { kind: 'unsupported', loc: this.range(childStart, childEnd) },
        );
      } else {
        directives = true;
        parts.push({ kind: 'unsupported', loc: this.range(childStart, childEnd) });
      }
      cursor = childEnd;
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

/**
 * The value of a well-formed `string_lit` from its text: `"`, an optional `template_literal`, `"`.
 * The grammar's scanner skips white space before each character, so the literal node starts and
 * ends at a non-space one: between the quotes is the literal only when neither end is white
 * space (else undefined: read the node).
 */
function stringBetweenQuotes(text: string, start: number, end: number): string | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (inner === '') return '';
  return EDGE_SPACE.test(inner) ? undefined : unescapeQuoted(inner);
}
