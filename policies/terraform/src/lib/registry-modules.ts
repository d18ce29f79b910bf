import type { Loc, RuleContext } from '@plumbline/core';
import {
  asBool,
  asNumber,
  asString,
  type Expr,
  isKnown,
  isObject,
  type ModuleCall,
  type TfModule,
  type Value,
} from '@plumbline/lang-hcl';
import {
  type InputCheck,
  type Json,
  MODULE_TABLES,
  type ModuleTable,
  type Predicate,
  type VersionRange,
} from '../registry-modules/index.js';
import { firstForInstances } from './report.js';

type Version = [number, number, number];
const INFINITY: Version = [Number.MAX_SAFE_INTEGER, 0, 0];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The versions a constraint (`~> 20.0`, `>= 19, < 21`, `20.8.5`) allows, as `[lo, hi)`. */
export function constraintRange(constraint: string): { lo: Version; hi: Version } | undefined {
  let lo: Version = [0, 0, 0];
  let hi: Version = INFINITY;
  for (const part of constraint.split(',')) {
    const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(v?\d+(?:\.\d+){0,2})(?:[-+][\w.]*)?\s*$/.exec(part);
    if (!m) return undefined;
    const op = m[1] ?? '=';
    const v = parseVersion(m[2]!)!;
    const digits = m[2]!.replace(/^v/, '').split('.').length;
    const next: Version = [v[0], v[1], v[2] + 1];
    const raise = (x: Version) => {
      if (compare(x, lo) > 0) lo = x;
    };
    const lower = (x: Version) => {
      if (compare(x, hi) < 0) hi = x;
    };
    if (op === '=') {
      raise(v);
      lower(next);
    } else if (op === '>=') raise(v);
    else if (op === '>') raise(next);
    else if (op === '<') lower(v);
    else if (op === '<=') lower(next);
    else if (op === '~>') {
      raise(v);
      // Only the rightmost written part may grow: `~> 20.0` < 21, `~> 20.1.2` < 20.2.
      if (digits === 2) lower([v[0] + 1, 0, 0]);
      else if (digits === 3) lower([v[0], v[1] + 1, 0]);
    }
  }
  return compare(lo, hi) < 0 ? { lo, hi } : undefined;
}

function bounds(r: VersionRange): { lo: Version; hi: Version } {
  return {
    lo: r.from ? (parseVersion(r.from) ?? [0, 0, 0]) : [0, 0, 0],
    hi: r.until ? (parseVersion(r.until) ?? INFINITY) : INFINITY,
  };
}

function overlaps(range: { lo: Version; hi: Version }, r: VersionRange): boolean {
  const b = bounds(r);
  return compare(range.lo, b.hi) < 0 && compare(b.lo, range.hi) < 0;
}

function within(range: { lo: Version; hi: Version }, r: VersionRange): boolean {
  const b = bounds(r);
  return compare(b.lo, range.lo) <= 0 && compare(range.hi, b.hi) <= 0;
}

/** The default every allowed version agrees on, or undefined (none, or they differ). */
function defaultFor(
  range: { lo: Version; hi: Version },
  defaults: (VersionRange & { value: Json })[] | undefined,
): { value: Json; since?: string; until?: string } | undefined {
  if (!defaults) return undefined;
  const hits = defaults.filter((d) => overlaps(range, d));
  if (hits.length === 0 || !hits.every((d) => JSON.stringify(d.value) === JSON.stringify(hits[0]!.value)))
    return undefined;
  // Versions of the range that no entry describes make the default unknown.
  const covered = hits.map(bounds);
  if (
    !covered.some((b) => compare(b.lo, range.lo) <= 0) ||
    !covered.some((b) => compare(range.hi, b.hi) <= 0)
  )
    return undefined;
  const d = hits[0]!;
  return { value: d.value, ...(d.from ? { since: d.from } : {}), ...(d.until ? { until: d.until } : {}) };
}

/** True when the value satisfies the predicate; undefined when the value is not known. */
export function matches(p: Predicate, v: Value): boolean | undefined {
  if ('anyOf' in p) {
    const results = p.anyOf.map((x) => matches(x, v));
    if (results.includes(true)) return true;
    return results.includes(undefined) ? undefined : false;
  }
  if ('allOf' in p) {
    const results = p.allOf.map((x) => matches(x, v));
    if (results.includes(false)) return false;
    return results.includes(undefined) ? undefined : true;
  }
  if ('not' in p) {
    const r = matches(p.not, v);
    return r === undefined ? undefined : !r;
  }
  if ('some' in p) {
    const items = elements(v);
    if (!items) return v === null || isKnown(v) ? false : undefined;
    const results = items.map(([, x]) => matches(p.some, x));
    if (results.includes(true)) return true;
    return results.includes(undefined) ? undefined : false;
  }
  if ('coversAny' in p) {
    if (!isObject(v)) return isKnown(v) ? false : undefined;
    const from = asNumber(v[p.from] ?? null);
    const to = asNumber(v[p.to] ?? null);
    if (from === undefined || to === undefined) return p.from in v && p.to in v ? undefined : false;
    return p.coversAny.some((port) => from <= port && port <= to);
  }
  if ('field' in p) {
    if (!isObject(v)) return isKnown(v) ? false : undefined;
    return p.field in v ? matches(p.is, v[p.field]!) : false;
  }
  if ('empty' in p) {
    if (v === null) return true;
    if (Array.isArray(v)) return v.length === 0;
    if (isObject(v)) return Object.keys(v).length === 0;
    return isKnown(v) ? false : undefined;
  }
  if ('equals' in p) {
    if (!isKnown(v)) return undefined;
    if (typeof p.equals === 'boolean') return asBool(v) === p.equals;
    return JSON.stringify(v) === JSON.stringify(p.equals);
  }
  if ('below' in p) {
    const n = asNumber(v);
    return n === undefined ? undefined : n < p.below;
  }
  const list = Array.isArray(v) ? v : [v];
  const strings = list.map((x) => asString(x));
  if ('containsAny' in p) {
    if (strings.some((s) => s !== undefined && p.containsAny.includes(s.trim()))) return true;
    return strings.includes(undefined) ? undefined : false;
  }
  if ('anyMatches' in p) {
    const re = new RegExp(p.anyMatches);
    if (strings.some((s) => s !== undefined && re.test(s))) return true;
    return strings.includes(undefined) ? undefined : false;
  }
  if (strings.includes(undefined)) return undefined;
  return p.lacksAny.some((x) => !strings.includes(x));
}

/** The elements of a list or the entries of a map, with their index or key; undefined otherwise. */
function elements(v: Value): [number | string, Value][] | undefined {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isObject(v)) return Object.entries(v);
  return undefined;
}

const REGISTRY = /^(?:registry\.terraform\.io\/)?([\w-]+\/[\w-]+\/[\w-]+)(\/\/[^?]*)?$/i;
const GIT =
  /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]([\w-]+\/[\w.-]+?)(?:\.git)?(\/\/[^?]*)?(?:\?(.*))?$/i;

/** The table of a call's source, with the versions it may resolve to. */
export function knownModule(
  call: ModuleCall,
): { table: ModuleTable; range: { lo: Version; hi: Version }; version: string | undefined } | undefined {
  const source = call.source;
  if (!source) return undefined;
  const sub = (s: string | undefined) => (s ?? '').replace(/\/+$/, '');
  const registry = REGISTRY.exec(source);
  if (registry) {
    const address = `${registry[1]!.toLowerCase()}${sub(registry[2])}`;
    const table = MODULE_TABLES.find((t) => t.source === address);
    if (!table) return undefined;
    const constraint = asString(call.view.value('version'));
    if (call.view.has('version') && constraint === undefined) return undefined;
    const range =
      constraint === undefined
        ? { lo: parseVersion(table.latest)!, hi: INFINITY }
        : constraintRange(constraint);
    return range ? { table, range, version: constraint } : undefined;
  }
  const git = GIT.exec(source);
  if (!git) return undefined;
  const subPath = sub(git[2]);
  const table = MODULE_TABLES.find(
    (t) =>
      t.repository.toLowerCase() === git[1]!.toLowerCase() &&
      (t.source.includes('//') ? t.source.slice(t.source.indexOf('//')) : '') === subPath,
  );
  if (!table) return undefined;
  const ref = /(?:^|&)ref=([^&]+)/.exec(git[3] ?? '')?.[1];
  const v = ref ? parseVersion(ref) : undefined;
  if (!v) return undefined;
  return { table, range: { lo: v, hi: [v[0], v[1], v[2] + 1] }, version: ref };
}

/** False when the call is known to create nothing (`count = 0`, `create = false`, ...). */
function created(call: ModuleCall, table: ModuleTable): boolean {
  if (asNumber(call.view.value('count')) === 0) return false;
  const forEach = call.view.value('for_each');
  if (
    (Array.isArray(forEach) && forEach.length === 0) ||
    (isObject(forEach) && Object.keys(forEach).length === 0)
  )
    return false;
  return !(table.creates ?? CREATE_INPUTS).some(
    (i) => call.view.has(i) && asBool(call.view.value(i)) === false,
  );
}

const CREATE_INPUTS = [
  'create',
  'create_bucket',
  'create_vpc',
  'create_db_instance',
  'create_cluster',
  'create_role',
];

function show(v: Json | Value): string {
  return JSON.stringify(v);
}

/** ` = value` for values short enough to read in a message. */
function shownValue(v: Value): string {
  if (!isKnown(v)) return '';
  const text = show(v);
  return text.length <= 80 ? ` = ${text}` : '';
}

/** For a `{ some }` check, the first element that matches and where it is written. */
function offendingElement(
  attr: { expr: Expr; loc: Loc },
  value: Value,
  p: Predicate,
): { label: string; loc: Loc } | undefined {
  if (!('some' in p)) return undefined;
  const hit = elements(value)?.find(([, x]) => matches(p.some, x) === true);
  if (!hit) return undefined;
  const [key] = hit;
  const expr = attr.expr;
  if (typeof key === 'number' && expr.kind === 'tuple' && expr.items[key])
    return { label: `[${key}]`, loc: expr.items[key]!.loc };
  if (typeof key === 'string' && expr.kind === 'object') {
    const item = expr.items.find((i) => i.name === key);
    if (item) return { label: `[${JSON.stringify(key)}]`, loc: item.loc };
  }
  return undefined;
}

function versionNote(d: { since?: string; until?: string }): string {
  if (d.since && d.until) return ` (v${d.since} to before v${d.until})`;
  if (d.since) return ` (since v${d.since})`;
  if (d.until) return ` (before v${d.until})`;
  return '';
}

/** The value of an input as the module sees it: written, or the version's default. */
function inputValue(
  call: ModuleCall,
  input: string,
  range: { lo: Version; hi: Version },
  defaults: (VersionRange & { value: Json })[] | undefined,
): Value | undefined {
  if (call.view.has(input)) return call.view.value(input);
  const d = defaultFor(range, defaults);
  return d ? (d.value as Value) : undefined;
}

/**
 * Reports what a rule knows about the inputs of registry modules (`terraform-aws-modules/*`)
 * called by this module: an insecure value at the argument that sets it, an insecure default at
 * the `module` block, naming the default and the versions that have it. Nothing is fetched.
 */
export function checkRegistryModules(
  module: TfModule,
  ctx: RuleContext<unknown>,
  rule: string,
  options: { skip?: (call: ModuleCall) => boolean } = {},
): void {
  for (const call of module.moduleCalls) {
    // The module's real body, downloaded by `terraform init`, is evaluated instead of its table.
    if (module.evaluatesDownloaded(call)) continue;
    const known = knownModule(call);
    if (!known) continue;
    if (options.skip?.(call) || !created(call, known.table)) continue;
    const checks = known.table.inputs.filter((c) => c.rule === rule);
    // A rule reports one problem per call, even when renamed inputs both describe it.
    for (const check of checks) if (reportInput(ctx, module, call, check, known.range)) break;
  }
}

function reportInput(
  ctx: RuleContext<unknown>,
  module: TfModule,
  call: ModuleCall,
  check: InputCheck,
  range: { lo: Version; hi: Version },
): boolean {
  const resource = `module.${call.name}`;
  if (check.when) {
    const gate = inputValue(call, check.when.input, range, check.when.defaults);
    if (gate === undefined || matches(check.when.is, gate) !== true) return false;
  }
  const attr = call.view.attr(check.input);
  if (attr) {
    const value = call.view.value(check.input);
    if (value === undefined || matches(check.insecure, value) !== true) return false;
    const element = offendingElement(attr, value, check.insecure);
    const message = element
      ? `\`${resource}\` sets \`${check.input}${element.label}\`: ${check.consequence}.`
      : `\`${resource}\` sets \`${check.input}${shownValue(value)}\`: ${check.consequence}.`;
    const at = element?.loc ?? attr.loc;
    if (!firstForInstances(ctx, module, at, message)) return true;
    ctx.report({
      at,
      message,
      resource,
      container: call.view.loc,
    });
    return true;
  }
  if (check.versions && !within(range, check.versions)) return false;
  const d = defaultFor(range, check.defaults);
  if (!d || matches(check.insecure, d.value as Value) !== true) return false;
  const message = `\`${resource}\` leaves \`${check.input}\` at the module's default \`${show(d.value)}\`${versionNote(d)}: ${check.consequence}.`;
  if (!firstForInstances(ctx, module, call.view.headerLoc, message)) return true;
  ctx.report({
    at: call.view.headerLoc,
    message,
    resource,
    evidence: `${check.input}:default`,
    container: call.view.loc,
  });
  return true;
}
