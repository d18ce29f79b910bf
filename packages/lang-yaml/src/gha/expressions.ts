import { Lexer, Parser } from '@actions/expressions';
import {
  Binary,
  ContextAccess,
  type Expr,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Star,
  Unary,
} from '@actions/expressions/ast';

/** Every context a workflow or action expression may name (GitHub's list, all places together). */
export const KNOWN_CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'steps',
  'job',
  'jobs',
  'runner',
  'strategy',
  'matrix',
  'needs',
] as const;

/** A context path named in an expression, e.g. `github.event.pull_request.title` (`*` for any index). */
export interface ContextPath {
  /** Dotted path, lower-case (contexts are case-insensitive); dynamic indexes become `*`. */
  path: string;
  /** 0-based offsets of the path's text inside the expression body. */
  start: number;
  end: number;
}

/** One `${{ }}` found in a string value, before it is tied to source offsets. */
export interface RawExpression {
  /** Offsets of `${{` and after `}}` in the decoded value. */
  start: number;
  end: number;
  /** Text between the braces, untrimmed. */
  body: string;
  /** Offset of `body` in the decoded value. */
  bodyStart: number;
}

/** The parsed meaning of one expression body. */
export interface ExpressionInfo {
  ast?: Expr;
  /** Parser error, when the body is not a valid expression (contexts then come from a lexical scan). */
  error?: string;
  /** Every context path the expression reads. */
  contexts: ContextPath[];
  /**
   * Context paths whose value can reach the expression's result (what gets pasted into a script):
   * `contains(x, 'a')` reads `x` but yields a boolean; `format('{0}', x)` and `a || b` pass text through.
   */
  flows: ContextPath[];
  /** Function names called anywhere in the expression, lower-case. */
  functions: string[];
}

/** Finds every `${{ … }}` in a string (GitHub does not nest them; `}}` inside a string literal ends it too). */
export function findExpressions(value: string): RawExpression[] {
  const out: RawExpression[] = [];
  let from = 0;
  for (;;) {
    const start = value.indexOf('${{', from);
    if (start < 0) break;
    const close = findClose(value, start + 3);
    if (close < 0) break;
    out.push({ start, end: close + 2, body: value.slice(start + 3, close), bodyStart: start + 3 });
    from = close + 2;
  }
  return out;
}

/** The `}}` that closes an expression, skipping `}}` inside a single-quoted string literal. */
function findClose(value: string, from: number): number {
  let inString = false;
  for (let i = from; i < value.length; i++) {
    const c = value[i];
    if (c === "'") {
      if (inString && value[i + 1] === "'") i++;
      else inString = !inString;
    } else if (!inString && c === '}' && value[i + 1] === '}') {
      return i;
    }
  }
  // An unterminated literal: fall back to the first `}}`, as GitHub's own tokenizer ends there.
  return value.indexOf('}}', from);
}

const FUNCTIONS_PASSING_TEXT = new Set(['format', 'join', 'tojson', 'fromjson']);

/** Parses an expression body with GitHub's expression parser and lists the contexts it reads. */
export function analyseExpression(body: string): ExpressionInfo {
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const offsetOf: Offsets = Object.assign(
    (pos: { line: number; column: number }) => (lineStarts[pos.line] ?? 0) + pos.column,
    { text: body },
  );
  try {
    const tokens = new Lexer(body).lex().tokens;
    const ast = new Parser(tokens, [...KNOWN_CONTEXTS], []).parse();
    const contexts: ContextPath[] = [];
    const flows: ContextPath[] = [];
    const functions: string[] = [];
    walk(ast, true, { contexts, flows, functions }, offsetOf);
    return { ast, contexts, flows, functions };
  } catch (error) {
    const contexts = lexicalContexts(body);
    return { error: (error as Error).message, contexts, flows: contexts, functions: [] };
  }
}

interface Acc {
  contexts: ContextPath[];
  flows: ContextPath[];
  functions: string[];
}

function walk(expr: Expr, flowing: boolean, acc: Acc, offsetOf: Offsets): void {
  const path = accessPath(expr, offsetOf);
  if (path) {
    acc.contexts.push(path);
    if (flowing) acc.flows.push(path);
    // Dynamic indexes (`github.event[inputs.key]`) read their own contexts too.
    for (const inner of dynamicIndexes(expr)) walk(inner, false, acc, offsetOf);
    return;
  }
  if (expr instanceof Logical) {
    for (const arg of expr.args) walk(arg, flowing, acc, offsetOf);
  } else if (expr instanceof Grouping) {
    walk(expr.group, flowing, acc, offsetOf);
  } else if (expr instanceof FunctionCall) {
    const name = expr.functionName.lexeme.toLowerCase();
    acc.functions.push(name);
    const passes = FUNCTIONS_PASSING_TEXT.has(name);
    for (const arg of expr.args) walk(arg, flowing && passes, acc, offsetOf);
  } else if (expr instanceof Binary) {
    walk(expr.left, false, acc, offsetOf);
    walk(expr.right, false, acc, offsetOf);
  } else if (expr instanceof Unary) {
    walk(expr.expr, false, acc, offsetOf);
  } else if (expr instanceof IndexAccess) {
    // Index on something that is not a context (e.g. `fromJSON(x).a`): the base decides.
    walk(expr.expr, flowing, acc, offsetOf);
    walk(expr.index, false, acc, offsetOf);
  }
}

/** `github.event.issue.title` for a chain of accesses rooted in a context, else undefined. */
function accessPath(expr: Expr, offsetOf: Offsets): ContextPath | undefined {
  const parts: string[] = [];
  let current: Expr = expr;
  let end = -1;
  while (current instanceof IndexAccess) {
    const index = current.index;
    if (index instanceof Literal) {
      parts.unshift(String(index.literal.coerceString()).toLowerCase());
      end = Math.max(
        end,
        closingBracket(offsetOf, offsetOf(index.token.range.start), offsetOf(index.token.range.end)),
      );
    } else {
      parts.unshift('*');
    }
    current = current.expr;
  }
  if (!(current instanceof ContextAccess)) return undefined;
  parts.unshift(current.name.lexeme.toLowerCase());
  const start = offsetOf(current.name.range.start);
  if (end < 0) end = offsetOf(current.name.range.end);
  return { path: parts.join('.'), start, end };
}

/** Maps a parser position to an offset in the expression body (kept in `text`). */
type Offsets = ((p: { line: number; column: number }) => number) & { text: string };

/** End of a literal index: after its `]` when written `['actor']`, so the span covers `github['actor']`. */
function closingBracket(offsets: Offsets, start: number, end: number): number {
  const { text } = offsets;
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  if (text[before] !== '[') return end;
  let after = end;
  while (after < text.length && /\s/.test(text[after]!)) after++;
  return text[after] === ']' ? after + 1 : end;
}

function dynamicIndexes(expr: Expr): Expr[] {
  const out: Expr[] = [];
  let current: Expr = expr;
  while (current instanceof IndexAccess) {
    if (!(current.index instanceof Literal) && !(current.index instanceof Star)) out.push(current.index);
    current = current.expr;
  }
  return out;
}

const CONTEXT_WORD = new RegExp(
  `\\b(${KNOWN_CONTEXTS.join('|')})((?:\\.[A-Za-z_*][A-Za-z0-9_*-]*|\\[[^\\]]*\\])*)`,
  'gi',
);

/** Context paths found by scanning, for bodies the parser rejects (so a typo cannot hide an injection). */
function lexicalContexts(body: string): ContextPath[] {
  const out: ContextPath[] = [];
  for (const m of body.matchAll(CONTEXT_WORD)) {
    // Skip words inside string literals.
    const before = body.slice(0, m.index);
    if ((before.match(/'/g)?.length ?? 0) % 2 === 1) continue;
    const rest = (m[2] ?? '').replace(/\[\s*'([^']*)'\s*\]/g, '.$1').replace(/\[[^\]]*\]/g, '.*');
    out.push({ path: `${m[1]}${rest}`.toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Does `path` match `pattern`, where `*` in the pattern stands for one segment and a trailing `**` for any rest? */
export function pathMatches(path: string, pattern: string): boolean {
  return segmentsMatch(path.split('.'), pattern.split('.'));
}

/** `pathMatches` on paths split at their dots (for callers matching one path against many patterns). */
export function segmentsMatch(p: readonly string[], q: readonly string[]): boolean {
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '**') return true;
    if (i >= p.length) return false;
    if (q[i] !== '*' && q[i] !== p[i] && p[i] !== '*') return false;
  }
  return p.length === q.length;
}
