/**
 * Values of evaluated expressions. What the configuration alone cannot tell (a resource id, a
 * variable without default, `each.value` of an unknown collection) is an `Unknown`; rules never
 * fire on one.
 */
export class Unknown {
  constructor(
    /** For references to resources, data sources and modules: what is referenced. */
    readonly ref?: { address: string; attr: string | undefined },
    /** True when the value is an evaluation error (a missing key), which `try()` skips. */
    readonly error = false,
  ) {}
}

export const UNKNOWN = new Unknown();
export const ERROR = new Unknown(undefined, true);

export type Value = null | string | number | boolean | Value[] | ValueObject | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isObject(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/** True when the value, and everything inside it, is known. */
export function isKnown(v: Value | undefined): boolean {
  if (v === undefined || v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (isObject(v)) return Object.values(v).every(isKnown);
  return true;
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k]!, b[k]!));
  }
  return a === b;
}

/** A string, or a number/bool converted as Terraform does; undefined when unknown or other. */
export function asString(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function asBool(v: Value | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function asNumber(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

/** A list (or set/tuple) value; undefined when unknown or not a list. */
export function asList(v: Value | undefined): Value[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Known strings of a list, with `unknown: true` when some element is not a known string. */
export function stringList(v: Value | undefined): { values: string[]; unknown: boolean } | undefined {
  if (typeof v === 'string') return { values: [v], unknown: false };
  if (!Array.isArray(v)) return undefined;
  const values: string[] = [];
  let unknown = false;
  for (const item of v) {
    const s = asString(item);
    if (s === undefined) unknown = true;
    else values.push(s);
  }
  return { values, unknown };
}

export function toJson(v: Value): string | undefined {
  if (!isKnown(v)) return undefined;
  return JSON.stringify(v);
}

export function fromJson(v: unknown): Value {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object') {
    const out: ValueObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(x);
    return out;
  }
  return UNKNOWN;
}
