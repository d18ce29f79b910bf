import type { Loc } from '@plumbline/core';
import {
  asString,
  type BlockView,
  type Expr,
  isObject,
  isUnknown,
  type JsonNode,
  parseJson,
  type TfModule,
  type TfResource,
  type Value,
} from '@plumbline/lang-hcl';

/** A list field of a statement (`Action`, `Resource`, ...). */
export interface Field {
  values: string[];
  /** Some element (or the whole field) cannot be known. */
  unknown: boolean;
  loc: Loc;
}

export interface Principal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
  type: string;
  values: string[];
  unknown: boolean;
}

export interface Condition {
  test: string;
  variable: string;
  values: string[];
  unknown: boolean;
  /** Where this condition is written, when it has a place of its own (a `condition` block). */
  loc?: Loc;
}

/** One IAM policy statement, whatever form it was written in. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | undefined;
  action?: Field;
  notAction?: Field;
  resource?: Field;
  notResource?: Field;
  principals?: Principal[];
  principalLoc?: Loc;
  notPrincipal: boolean;
  conditions: Condition[];
  /** The conditions (or part of them) cannot be known. */
  conditionsUnknown: boolean;
  /** Where the conditions are written (the `Condition` entry, or the first `condition` block). */
  conditionLoc?: Loc;
  loc: Loc;
}

const FIELD_KEYS = {
  Action: 'action',
  NotAction: 'notAction',
  Resource: 'resource',
  NotResource: 'notResource',
} as const;

function field(value: Value, loc: Loc): Field {
  if (typeof value === 'string') return { values: [value], unknown: false, loc };
  if (Array.isArray(value)) {
    const values: string[] = [];
    let unknown = false;
    for (const v of value) {
      const s = asString(v);
      if (s === undefined || s.includes('\u0001')) unknown = true;
      else values.push(s);
    }
    return { values, unknown, loc };
  }
  return { values: [], unknown: true, loc };
}

function principals(value: Value): { list: Principal[]; unknown: boolean } {
  if (value === '*') return { list: [{ type: '*', values: ['*'], unknown: false }], unknown: false };
  if (!isObject(value)) return { list: [], unknown: true };
  const list = Object.entries(value).map(([type, v]) => {
    const f = field(v, undefined as unknown as Loc);
    return { type, values: f.values, unknown: f.unknown };
  });
  return { list, unknown: false };
}

function conditions(value: Value): { list: Condition[]; unknown: boolean } {
  if (value === undefined || value === null) return { list: [], unknown: false };
  if (!isObject(value)) return { list: [], unknown: true };
  const list: Condition[] = [];
  let unknown = false;
  for (const [test, byVar] of Object.entries(value)) {
    if (!isObject(byVar)) {
      unknown = true;
      continue;
    }
    for (const [variable, v] of Object.entries(byVar)) {
      const f = field(
        typeof v === 'boolean' || typeof v === 'number' ? String(v) : v,
        undefined as unknown as Loc,
      );
      list.push({ test, variable, values: f.values, unknown: f.unknown });
    }
  }
  return { list, unknown };
}

function effectOf(v: Value | undefined): PolicyStatement['effect'] {
  return v === 'Allow' || v === 'Deny' ? v : undefined;
}

/** A statement from its fields, each with a value and the place it is written. */
function statement(fields: Map<string, { value: Value; loc: Loc }>, loc: Loc): PolicyStatement {
  const s: PolicyStatement = {
    effect: effectOf(fields.get('Effect')?.value),
    notPrincipal: fields.has('NotPrincipal'),
    conditions: [],
    conditionsUnknown: false,
    loc,
  };
  for (const [key, prop] of Object.entries(FIELD_KEYS)) {
    const f = fields.get(key);
    if (f) s[prop] = field(f.value, f.loc);
  }
  const p = fields.get('Principal');
  if (p) {
    const { list, unknown } = principals(p.value);
    s.principals = unknown ? [{ type: '?', values: [], unknown: true }] : list;
    s.principalLoc = p.loc;
  }
  const c = conditions(fields.get('Condition')?.value ?? null);
  s.conditions = c.list;
  const cl = fields.get('Condition')?.loc;
  if (cl) s.conditionLoc = cl;
  s.conditionsUnknown = c.unknown || (fields.has('Condition') && isUnknown(fields.get('Condition')!.value));
  return s;
}

function fromValue(value: Value, loc: Loc): PolicyStatement[] {
  if (!isObject(value)) return [];
  const st = value.Statement;
  const list = Array.isArray(st) ? st : isObject(st) ? [st] : [];
  return list
    .filter(isObject)
    .map((s) => statement(new Map(Object.entries(s).map(([k, v]) => [k, { value: v, loc }])), loc));
}

/** `jsonencode({ Statement = [{ Effect = ..., Action = ... }] })`: statements with the places of their fields. */
function fromObjectExpr(view: BlockView, expr: Expr, fallback: Loc): PolicyStatement[] {
  if (expr.kind !== 'object') return fromValue(view.eval(expr), fallback);
  const stItem = expr.items.find((i) => i.name === 'Statement');
  if (!stItem) return [];
  const stmtExpr = (e: Expr): PolicyStatement[] => {
    if (e.kind !== 'object') return fromValue({ Statement: view.eval(e) }, e.loc);
    const fields = new Map<string, { value: Value; loc: Loc }>();
    for (const item of e.items)
      if (item.name) fields.set(item.name, { value: view.eval(item.value), loc: item.loc });
    return [statement(fields, e.loc)];
  };
  if (stItem.value.kind === 'tuple') return stItem.value.items.flatMap(stmtExpr);
  if (stItem.value.kind === 'object') return stmtExpr(stItem.value);
  return fromValue({ Statement: view.eval(stItem.value) }, stItem.loc);
}

/** A JSON policy document with offsets (heredoc text with interpolations masked). */
function fromJsonNode(node: JsonNode): PolicyStatement[] {
  if (node.kind !== 'object') return [];
  const st = node.entries.find((e) => e.key === 'Statement')?.value;
  const list = st?.kind === 'array' ? st.items : st?.kind === 'object' ? [st] : [];
  const out: PolicyStatement[] = [];
  for (const s of list) {
    if (s.kind !== 'object') continue;
    const fields = new Map<string, { value: Value; loc: Loc }>();
    for (const e of s.entries) fields.set(e.key, { value: jsonToValue(e.value), loc: e.loc });
    out.push(statement(fields, s.loc));
  }
  return out;
}

function jsonToValue(node: JsonNode): Value {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, jsonToValue(e.value)]));
    case 'array':
      return node.items.map(jsonToValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Masks `${...}` interpolations with same-length filler so the JSON parses with true offsets. */
function maskInterpolations(text: string): string | undefined {
  if (text.includes('%{')) return undefined;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      out += '$${';
      i += 3;
    } else if (text.startsWith('${', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += '\u0001'.repeat(j + 1 - i);
      i = j + 1;
    } else out += text[i++];
  }
  return out;
}

/**
 * A template file masked like a heredoc, except that an interpolation standing for a whole JSON
 * value (`"Values": ${jsonencode(subjects)}`) becomes a same-length string, so the JSON parses.
 */
function maskTemplate(text: string): string | undefined {
  const masked = maskInterpolations(text);
  if (masked === undefined) return undefined;
  let out = '';
  let inString = false;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (c === '\u0001' && !inString) {
      let j = i;
      while (masked[j] === '\u0001') j++;
      const n = j - i;
      out += n >= 2 ? `"${'\u0001'.repeat(n - 2)}"` : ' ';
      i = j - 1;
      continue;
    }
    if (inString && c === '\\') {
      out += c + (masked[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  return out;
}

function fromTemplate(expr: Expr & { kind: 'template' | 'literal' }): PolicyStatement[] {
  const { file } = expr.loc;
  const raw = file.text.slice(expr.loc.start, expr.loc.end);
  if (expr.kind === 'template' && expr.heredoc) {
    const start = raw.indexOf('\n') + 1;
    const end = raw.lastIndexOf('\n') + 1;
    if (start <= 0 || end <= start) return [];
    const masked = maskInterpolations(raw.slice(start, end));
    if (masked === undefined) return [];
    try {
      return fromJsonNode(parseJson(file, masked, expr.loc.start + start));
    } catch {
      return [];
    }
  }
  if (expr.kind === 'literal' && typeof expr.value === 'string') {
    try {
      return fromValue(jsonToValue(toNode(JSON.parse(expr.value))), expr.loc);
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * `file("policy.json")`: the statements at their places in the JSON file. `templatefile(...)`:
 * the rendered statements, placed at the template's lines when the template (interpolations
 * masked) has the same statements, else at the call. Undefined when the file was not read.
 */
function fromReadFile(view: BlockView, expr: Expr): PolicyStatement[] | undefined {
  if (expr.kind !== 'call') return undefined;
  const file = view.module.fileOf(expr, view.bindings);
  if (!file) return undefined;
  if (expr.name === 'file') {
    try {
      return fromJsonNode(parseJson(file));
    } catch {
      return [];
    }
  }
  const value = view.eval(expr);
  if (typeof value !== 'string') return [];
  let rendered: PolicyStatement[];
  try {
    rendered = fromValue(jsonToValue(toNode(JSON.parse(value))), expr.loc);
  } catch {
    return [];
  }
  const masked = maskTemplate(file.text);
  let located: PolicyStatement[] = [];
  try {
    if (masked !== undefined) located = fromJsonNode(parseJson(file, masked));
  } catch {
    located = [];
  }
  return located.length === rendered.length ? rendered.map((s, i) => placedAs(s, located[i]!)) : rendered;
}

/** A statement with the places of another one of the same shape. */
function placedAs(s: PolicyStatement, place: PolicyStatement): PolicyStatement {
  const out: PolicyStatement = { ...s, loc: place.loc };
  for (const prop of ['action', 'notAction', 'resource', 'notResource'] as const) {
    const f = s[prop];
    const at = place[prop]?.loc;
    if (f) out[prop] = { ...f, loc: at ?? place.loc };
  }
  if (s.principals) out.principalLoc = place.principalLoc ?? place.loc;
  if (s.conditionLoc) out.conditionLoc = place.conditionLoc ?? place.loc;
  return out;
}

function toNode(v: unknown): JsonNode {
  const loc = undefined as unknown as Loc;
  if (v === null) return { kind: 'null', loc };
  if (Array.isArray(v)) return { kind: 'array', items: v.map(toNode), loc };
  if (typeof v === 'object')
    return {
      kind: 'object',
      entries: Object.entries(v as object).map(([key, x]) => ({ key, keyLoc: loc, value: toNode(x), loc })),
      loc,
    };
  if (typeof v === 'string') return { kind: 'string', value: v, loc };
  if (typeof v === 'number') return { kind: 'number', value: v, loc };
  return { kind: 'boolean', value: Boolean(v), loc };
}

/** `data "aws_iam_policy_document"`: one statement per `statement` block. */
export function documentStatements(doc: BlockView): PolicyStatement[] {
  return doc.blocks('statement').map((s) => {
    const st: PolicyStatement = {
      effect: effectOf(s.value('effect') ?? 'Allow'),
      notPrincipal: s.hasBlock('not_principals'),
      conditions: [],
      conditionsUnknown: false,
      loc: s.loc,
    };
    for (const [attr, prop] of [
      ['actions', 'action'],
      ['not_actions', 'notAction'],
      ['resources', 'resource'],
      ['not_resources', 'notResource'],
    ] as const) {
      const a = s.attr(attr);
      if (a) st[prop] = field(s.value(attr)!, a.loc);
    }
    const ps = s.blocks('principals');
    if (ps.length > 0) {
      st.principals = ps.map((p) => {
        const f = field(p.value('identifiers') ?? null, p.loc);
        const type = asString(p.value('type'));
        return { type: type ?? '?', values: f.values, unknown: f.unknown || type === undefined };
      });
      st.principalLoc = ps[0]!.loc;
    }
    const conds = s.blocks('condition');
    if (conds[0]) st.conditionLoc = conds[0].loc;
    for (const c of conds) {
      const test = asString(c.value('test'));
      const variable = asString(c.value('variable'));
      const f = field(c.value('values') ?? null, c.loc);
      if (test === undefined || variable === undefined) st.conditionsUnknown = true;
      else st.conditions.push({ test, variable, values: f.values, unknown: f.unknown, loc: c.loc });
    }
    return st;
  });
}

/**
 * The statements of a policy attribute, in any of its forms: `jsonencode({...})`, heredoc or
 * string JSON, a `data "aws_iam_policy_document"` (directly or through a local). A policy that
 * cannot be read (`file()`, a variable) has no statements, so no rule fires on it.
 */
export function policyStatements(view: BlockView, attr: string): PolicyStatement[] {
  const a = view.attr(attr);
  if (!a) return [];
  return statementsOfExpr(view, a.expr, a.loc);
}

function statementsOfExpr(view: BlockView, expr: Expr, loc: Loc): PolicyStatement[] {
  const read = fromReadFile(view, expr);
  if (read) return read;
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args[0])
    return fromObjectExpr(view, expr.args[0], loc);
  if (expr.kind === 'template' || expr.kind === 'literal') {
    const parsed = fromTemplate(expr);
    if (parsed.length > 0 || expr.kind === 'literal' || expr.heredoc) return parsed;
  }
  const value = view.eval(expr);
  if (isUnknown(value)) {
    const address = value.ref?.address;
    if (
      address?.startsWith('data.aws_iam_policy_document.') &&
      (value.ref?.attr === 'json' || value.ref?.attr === 'minified_json')
    ) {
      const doc = view.module.byAddress(address);
      return doc ? documentStatements(doc) : [];
    }
    return [];
  }
  if (typeof value === 'string') {
    try {
      return fromValue(jsonToValue(toNode(JSON.parse(value))), loc);
    } catch {
      return [];
    }
  }
  return [];
}

/** Identity policies of a module (what an IAM principal is allowed to do). */
export function identityPolicies(module: TfModule): { owner: TfResource; statements: PolicyStatement[] }[] {
  const out: { owner: TfResource; statements: PolicyStatement[] }[] = [];
  for (const r of module.resourcesOf(
    'aws_iam_policy',
    'aws_iam_role_policy',
    'aws_iam_user_policy',
    'aws_iam_group_policy',
  )) {
    out.push({ owner: r, statements: policyStatements(r, 'policy') });
  }
  for (const r of module.resourcesOf('aws_iam_role')) {
    for (const inline of r.blocks('inline_policy'))
      out.push({ owner: r, statements: policyStatements(inline, 'policy') });
  }
  return out;
}

/** Trust policies of roles. */
export function trustPolicies(module: TfModule): { owner: TfResource; statements: PolicyStatement[] }[] {
  return module
    .resourcesOf('aws_iam_role')
    .map((r) => ({ owner: r, statements: policyStatements(r, 'assume_role_policy') }));
}

/** True when a pattern (`iam:*`, `iam:Put*`, `*`) matches an action (case-insensitive). */
export function actionMatches(pattern: string, action: string): boolean {
  return actionPattern(pattern).test(action);
}

/**
 * Patterns compiled once: the rules match each statement's actions against lists of dozens of
 * actions (a new RegExp per pair was most of their time). At most 1,000 kept (hostile input).
 */
const compiledPatterns = new Map<string, RegExp>();

function actionPattern(pattern: string): RegExp {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    if (compiledPatterns.size >= 1_000) compiledPatterns.clear();
    compiledPatterns.set(pattern, re);
  }
  return re;
}

/** True when every principal of the statement is known and one of them is everybody. */
export function allowsEveryone(s: PolicyStatement): boolean {
  if (!s.principals) return false;
  return s.principals.some((p) => (p.type === '*' || p.type === 'AWS') && p.values.includes('*'));
}

/** An Allow statement granting every action on every resource. */
export function isAdminStatement(s: PolicyStatement): boolean {
  return s.effect === 'Allow' && !!s.action?.values.includes('*') && !!s.resource?.values.includes('*');
}
