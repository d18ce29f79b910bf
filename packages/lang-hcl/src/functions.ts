import {
  asBool,
  asNumber,
  asString,
  deepEqual,
  ERROR,
  fromJson,
  isKnown,
  isObject,
  isUnknown,
  toJson,
  UNKNOWN,
  type Value,
  type ValueObject,
} from './value.js';

type Fn = (args: Value[]) => Value;

const anyUnknown = (args: Value[]) => args.some((a) => isUnknown(a));
/** Wraps a function that needs its arguments known at the top level. */
const strict =
  (fn: Fn): Fn =>
  (args) =>
    anyUnknown(args) ? UNKNOWN : fn(args);
/** Wraps a function that needs its arguments known all the way down. */
const deep =
  (fn: Fn): Fn =>
  (args) =>
    args.every(isKnown) ? fn(args) : UNKNOWN;

const str = (v: Value) => asString(v) ?? null;
const list = (v: Value): Value[] | undefined =>
  Array.isArray(v) ? v : isObject(v) ? Object.values(v) : undefined;

function dedupe(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const i of items) if (!out.some((o) => deepEqual(o, i))) out.push(i);
  return out;
}

function format(spec: string, args: Value[]): Value {
  let i = 0;
  let unknown = false;
  const out = spec.replace(/%(%|[-+#0 ]*\d*(?:\.\d+)?[vsdqftbeEgGoxX])/g, (m, verb: string) => {
    if (verb === '%') return '%';
    const a = args[i++];
    if (a === undefined) return m;
    if (isUnknown(a)) {
      unknown = true;
      return '';
    }
    const v = verb.slice(-1);
    if (v === 'q') return JSON.stringify(asString(a) ?? '');
    if (v === 'd') return String(Math.trunc(asNumber(a) ?? 0));
    if (typeof a === 'object' && a !== null) return toJson(a) ?? '';
    return String(a);
  });
  return unknown ? UNKNOWN : out;
}

/**
 * The Terraform functions the evaluator knows. Anything else (and `file`, `templatefile`, which
 * would read the disk) evaluates to unknown.
 */
export const FUNCTIONS: Record<string, Fn> = {
  jsonencode: deep(([v]) => toJson(v!) ?? UNKNOWN),
  jsondecode: strict(([v]) => {
    try {
      return fromJson(JSON.parse(asString(v!) ?? ''));
    } catch {
      return ERROR;
    }
  }),
  merge: (args) => {
    if (anyUnknown(args)) return UNKNOWN;
    const out: ValueObject = {};
    for (const a of args) {
      if (a === null) continue;
      if (!isObject(a)) return UNKNOWN;
      Object.assign(out, a);
    }
    return out;
  },
  concat: (args) => {
    const out: Value[] = [];
    for (const a of args) {
      if (!Array.isArray(a)) return UNKNOWN;
      out.push(...a);
    }
    return out;
  },
  flatten: strict(([v]) => {
    const out: Value[] = [];
    const walk = (x: Value): boolean => {
      if (isUnknown(x)) return false;
      if (Array.isArray(x)) return x.every(walk);
      out.push(x);
      return true;
    };
    return Array.isArray(v) && walk(v) ? out : UNKNOWN;
  }),
  lookup: ([m, k, d]) => {
    if (!isObject(m!) || isUnknown(k)) return UNKNOWN;
    const key = asString(k!);
    if (key === undefined) return UNKNOWN;
    if (key in m!) return m![key]!;
    return d === undefined ? ERROR : d;
  },
  format: ([spec, ...rest]) => {
    const s = asString(spec!);
    return s === undefined ? UNKNOWN : format(s, rest);
  },
  tolist: strict(([v]) => list(v!) ?? UNKNOWN),
  toset: strict(([v]) => {
    const l = list(v!);
    return l ? dedupe(l) : UNKNOWN;
  }),
  tomap: strict(([v]) => (isObject(v!) ? v! : UNKNOWN)),
  tostring: strict(([v]) => (v === null ? null : (asString(v!) ?? UNKNOWN))),
  tonumber: strict(([v]) => (v === null ? null : (asNumber(v!) ?? ERROR))),
  tobool: strict(([v]) => (v === null ? null : (asBool(v!) ?? ERROR))),
  coalesce: (args) => {
    for (const a of args) {
      if (isUnknown(a)) return UNKNOWN;
      if (a !== null && a !== '') return a;
    }
    return ERROR;
  },
  coalescelist: (args) => {
    for (const a of args) {
      if (isUnknown(a)) return UNKNOWN;
      if (Array.isArray(a) && a.length > 0) return a;
    }
    return [];
  },
  length: strict(([v]) => (typeof v === 'string' ? [...v].length : (list(v!)?.length ?? UNKNOWN))),
  element: strict(([l, i]) => {
    const items = list(l!);
    const n = asNumber(i!);
    if (!items || n === undefined || items.length === 0) return UNKNOWN;
    return items[Math.trunc(n) % items.length]!;
  }),
  keys: strict(([m]) => (isObject(m!) ? Object.keys(m!).sort() : UNKNOWN)),
  values: strict(([m]) =>
    isObject(m!)
      ? Object.keys(m!)
          .sort()
          .map((k) => m![k]!)
      : UNKNOWN,
  ),
  contains: ([l, v]) => {
    const items = list(l!);
    if (!items || isUnknown(v)) return UNKNOWN;
    if (items.some((i) => deepEqual(i, v!))) return true;
    return items.every(isKnown) ? false : UNKNOWN;
  },
  distinct: strict(([l]) => (Array.isArray(l) ? dedupe(l) : UNKNOWN)),
  compact: strict(([l]) =>
    Array.isArray(l) ? (l.some(isUnknown) ? UNKNOWN : l.filter((x) => x !== null && x !== '')) : UNKNOWN,
  ),
  join: deep(([sep, l]) =>
    Array.isArray(l) ? l.map((x) => asString(x) ?? '').join(asString(sep!) ?? '') : UNKNOWN,
  ),
  split: strict(([sep, s]) =>
    typeof s === 'string' && typeof sep === 'string' ? (s === '' ? [] : s.split(sep)) : UNKNOWN,
  ),
  lower: strict(([s]) => str(s!)?.toLowerCase() ?? UNKNOWN),
  upper: strict(([s]) => str(s!)?.toUpperCase() ?? UNKNOWN),
  trimspace: strict(([s]) => str(s!)?.trim() ?? UNKNOWN),
  trimprefix: strict(([s, p]) => {
    const a = str(s!);
    const b = str(p!);
    return a === null || b === null ? UNKNOWN : a.startsWith(b) ? a.slice(b.length) : a;
  }),
  trimsuffix: strict(([s, p]) => {
    const a = str(s!);
    const b = str(p!);
    return a === null || b === null ? UNKNOWN : a.endsWith(b) ? a.slice(0, a.length - b.length) : a;
  }),
  startswith: strict(([s, p]) =>
    typeof s === 'string' && typeof p === 'string' ? s.startsWith(p) : UNKNOWN,
  ),
  endswith: strict(([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.endsWith(p) : UNKNOWN)),
  replace: strict(([s, a, b]) => {
    if (typeof s !== 'string' || typeof a !== 'string' || typeof b !== 'string') return UNKNOWN;
    if (a.length > 1 && a.startsWith('/') && a.endsWith('/')) return UNKNOWN;
    return s.split(a).join(b);
  }),
  substr: strict(([s, o, l]) => {
    const text = str(s!);
    const off = asNumber(o!);
    const len = asNumber(l!);
    if (text === null || off === undefined || len === undefined) return UNKNOWN;
    const chars = [...text];
    return chars.slice(off, len < 0 ? undefined : off + len).join('');
  }),
  min: strict((args) =>
    args.every((a) => typeof a === 'number') ? Math.min(...(args as number[])) : UNKNOWN,
  ),
  max: strict((args) =>
    args.every((a) => typeof a === 'number') ? Math.max(...(args as number[])) : UNKNOWN,
  ),
  abs: strict(([n]) => (typeof n === 'number' ? Math.abs(n) : UNKNOWN)),
  zipmap: deep(([k, v]) => {
    if (!Array.isArray(k) || !Array.isArray(v)) return UNKNOWN;
    const out: ValueObject = {};
    k.forEach((key, i) => {
      out[asString(key) ?? ''] = v[i] ?? null;
    });
    return out;
  }),
  one: strict(([l]) => {
    const items = list(l!);
    if (!items) return UNKNOWN;
    return items.length === 0 ? null : items.length === 1 ? items[0]! : ERROR;
  }),
  alltrue: strict(([l]) => {
    const items = list(l!);
    if (!items) return UNKNOWN;
    if (items.some((i) => asBool(i) === false)) return false;
    return items.every((i) => asBool(i) === true) ? true : UNKNOWN;
  }),
  anytrue: strict(([l]) => {
    const items = list(l!);
    if (!items) return UNKNOWN;
    if (items.some((i) => asBool(i) === true)) return true;
    return items.every((i) => asBool(i) === false) ? false : UNKNOWN;
  }),
  reverse: strict(([l]) => (Array.isArray(l) ? [...l].reverse() : UNKNOWN)),
  sort: deep(([l]) => (Array.isArray(l) ? [...l].map((x) => asString(x) ?? '').sort() : UNKNOWN)),
  slice: strict(([l, a, b]) => {
    const s = asNumber(a!);
    const e = asNumber(b!);
    return Array.isArray(l) && s !== undefined && e !== undefined ? l.slice(s, e) : UNKNOWN;
  }),
  sum: deep(([l]) =>
    Array.isArray(l) && l.every((x) => typeof x === 'number')
      ? (l as number[]).reduce((a, b) => a + b, 0)
      : UNKNOWN,
  ),
  setunion: strict((args) => (args.every(Array.isArray) ? dedupe((args as Value[][]).flat()) : UNKNOWN)),
  range: strict((args) => {
    const nums = args.map((a) => asNumber(a));
    if (nums.some((n) => n === undefined)) return UNKNOWN;
    const [a, b, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
    if (step === 0 || Math.abs((b! - a!) / step!) > 1024) return UNKNOWN;
    const out: number[] = [];
    for (let x = a!; step! > 0 ? x < b! : x > b!; x += step!) out.push(x);
    return out;
  }),
};
