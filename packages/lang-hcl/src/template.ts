import { SourceFile } from '@plumbline/core';
import type { Expr } from './ast.js';
import { parseHclText } from './parser.js';
import { asBool, asString, isObject, UNKNOWN, Unknown, type Value } from './value.js';

/**
 * Terraform's template language, as `templatefile()` reads it: `${expr}` interpolations,
 * `%{ if }`/`%{ else }`/`%{ endif }` and `%{ for }`/`%{ endfor }` directives, `$${`/`%%{` escapes
 * and `~` strip markers. Anything else (a directive it does not know, an expression the HCL
 * parser rejects) makes the whole template unknown rather than half-rendered.
 */
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'interp'; expr: Expr }
  | { kind: 'if'; cond: Expr; then: Node[]; otherwise: Node[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: Node[] };

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'interp' | 'directive'; body: string; stripBefore: boolean; stripAfter: boolean };

/** Rendered templates longer than this are unknown: a policy or user data is far smaller. */
const MAX_OUTPUT = 1024 * 1024;
const MAX_ITERATIONS = 1000;

/** Renders a template with `vars` bound; `evaluate` evaluates one expression in that scope. */
export function renderTemplate(
  text: string,
  vars: Readonly<Record<string, Value>>,
  evaluate: (expr: Expr, bindings: ReadonlyMap<string, Value>) => Value,
): Value {
  const tokens = tokenize(text);
  if (!tokens) return UNKNOWN;
  const nodes = parseNodes(tokens, { at: 0 }, []);
  if (!nodes) return UNKNOWN;
  const out = { text: '', iterations: 0 };
  return renderNodes(nodes, new Map(Object.entries(vars)), evaluate, out) ? out.text : UNKNOWN;
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i) || text.startsWith('%%{', i)) {
      literal += `${text[i]}{`;
      i += 3;
      continue;
    }
    const isInterp = text.startsWith('${', i);
    if (!isInterp && !text.startsWith('%{', i)) {
      literal += text[i++];
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end === undefined) return undefined;
    let body = text.slice(i + 2, end);
    const stripBefore = body.startsWith('~');
    const stripAfter = body.endsWith('~');
    if (stripBefore) body = body.slice(1);
    if (stripAfter) body = body.slice(0, -1);
    tokens.push({ kind: 'text', text: literal });
    literal = '';
    tokens.push({ kind: isInterp ? 'interp' : 'directive', body: body.trim(), stripBefore, stripAfter });
    i = end + 1;
  }
  tokens.push({ kind: 'text', text: literal });
  // Strip markers remove the whitespace (newlines included) on their side.
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === 'text') continue;
    const before = tokens[t - 1];
    const after = tokens[t + 1];
    if (token.stripBefore && before?.kind === 'text') before.text = before.text.replace(/\s+$/, '');
    if (token.stripAfter && after?.kind === 'text') after.text = after.text.replace(/^\s+/, '');
  }
  return tokens;
}

/** The `}` closing a `${`/`%{` opened before `from`, skipping nested braces and quoted strings. */
function closingBrace(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** Parses tokens up to one of the `stops` directives (`else`, `endif`, `endfor`), left in `pos`. */
function parseNodes(tokens: Token[], pos: { at: number }, stops: string[]): Node[] | undefined {
  const nodes: Node[] = [];
  while (pos.at < tokens.length) {
    const token = tokens[pos.at]!;
    if (token.kind === 'text') {
      if (token.text) nodes.push({ kind: 'text', text: token.text });
      pos.at++;
      continue;
    }
    if (token.kind === 'interp') {
      const expr = parseExpr(token.body);
      if (!expr) return undefined;
      nodes.push({ kind: 'interp', expr });
      pos.at++;
      continue;
    }
    const keyword = /^\w+/.exec(token.body)?.[0] ?? '';
    if (stops.includes(keyword)) return nodes;
    pos.at++;
    if (keyword === 'if') {
      const cond = parseExpr(token.body.slice(2));
      const then = cond && parseNodes(tokens, pos, ['else', 'endif']);
      if (!cond || !then) return undefined;
      let otherwise: Node[] = [];
      if (directiveAt(tokens, pos) === 'else') {
        pos.at++;
        const rest = parseNodes(tokens, pos, ['endif']);
        if (!rest) return undefined;
        otherwise = rest;
      }
      if (directiveAt(tokens, pos) !== 'endif') return undefined;
      pos.at++;
      nodes.push({ kind: 'if', cond, then, otherwise });
    } else if (keyword === 'for') {
      const m = /^for\s+([A-Za-z_][\w-]*)\s*(?:,\s*([A-Za-z_][\w-]*)\s*)?in\s+([\s\S]+)$/.exec(token.body);
      const collection = m && parseExpr(m[3]!);
      const body = collection && parseNodes(tokens, pos, ['endfor']);
      if (!m || !collection || !body || directiveAt(tokens, pos) !== 'endfor') return undefined;
      pos.at++;
      nodes.push(
        m[2]
          ? { kind: 'for', keyVar: m[1]!, valueVar: m[2], collection, body }
          : { kind: 'for', valueVar: m[1]!, collection, body },
      );
    } else return undefined;
  }
  return stops.length === 0 ? nodes : undefined;
}

function directiveAt(tokens: Token[], pos: { at: number }): string | undefined {
  const token = tokens[pos.at];
  return token?.kind === 'directive' ? /^\w+/.exec(token.body)?.[0] : undefined;
}

/** One HCL expression, parsed as the value of an attribute of a file of its own. */
function parseExpr(text: string): Expr | undefined {
  if (!text.trim() || text.includes('\n\n\n')) return undefined;
  try {
    const { body, problems } = parseHclText(new SourceFile('<template>', `x = ${text.trim()}\n`));
    return problems.length === 0 && body.attributes.length === 1 ? body.attributes[0]!.expr : undefined;
  } catch {
    return undefined;
  }
}

function renderNodes(
  nodes: Node[],
  scope: ReadonlyMap<string, Value>,
  evaluate: (expr: Expr, bindings: ReadonlyMap<string, Value>) => Value,
  out: { text: string; iterations: number },
): boolean {
  for (const node of nodes) {
    if (node.kind === 'text') out.text += node.text;
    else if (node.kind === 'interp') {
      const v = evaluate(node.expr, scope);
      const s = v instanceof Unknown || v === null ? undefined : asString(v);
      if (s === undefined) return false;
      out.text += s;
    } else if (node.kind === 'if') {
      const cond = asBool(evaluate(node.cond, scope));
      if (cond === undefined) return false;
      if (!renderNodes(cond ? node.then : node.otherwise, scope, evaluate, out)) return false;
    } else {
      const coll = evaluate(node.collection, scope);
      const entries: [Value, Value][] | undefined = Array.isArray(coll)
        ? coll.map((v, i) => [i, v])
        : isObject(coll)
          ? Object.entries(coll)
          : undefined;
      if (!entries) return false;
      for (const [k, v] of entries) {
        if (++out.iterations > MAX_ITERATIONS) return false;
        const inner = new Map(scope);
        if (node.keyVar) inner.set(node.keyVar, k);
        inner.set(node.valueVar, v);
        if (!renderNodes(node.body, inner, evaluate, out)) return false;
      }
    }
    if (out.text.length > MAX_OUTPUT) return false;
  }
  return true;
}
