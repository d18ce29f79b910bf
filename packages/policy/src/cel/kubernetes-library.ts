import {
  type CelFunc,
  type CelList,
  type CelMap,
  CelScalar,
  celFunc,
  celMethod,
  isCelList,
  isCelMap,
  listType,
  mapType,
} from '@bufbuild/cel';
import { NANOS_PER_UNIT, parseQuantity } from './quantity.js';

/**
 * The Kubernetes CEL libraries that admission policies commonly use: lists (`isSorted`, `sum`,
 * `min`, `max`, `indexOf`, `lastIndexOf`), regex (`find`, `findAll`), quantity. Strings come from
 * the library's `strings` extension. A quantity is a map holding its nano-units under `@quantity`.
 */
const QUANTITY_KEY = '@quantity';
const QUANTITY = mapType(CelScalar.STRING, CelScalar.DYN);
const LIST = listType(CelScalar.DYN);

const quantityOf = (nanos: bigint) => new Map<string, unknown>([[QUANTITY_KEY, nanos]]);
function nanosOf(q: CelMap): bigint {
  const value = q.get(QUANTITY_KEY);
  if (typeof value !== 'bigint') throw new Error('not a quantity');
  return value;
}
function quantity(text: string) {
  const nanos = parseQuantity(text);
  if (nanos === undefined) throw new Error(`invalid quantity: ${JSON.stringify(text)}`);
  return quantityOf(nanos);
}
const items = (list: CelList): unknown[] => [...(list as Iterable<unknown>)];
function compare(a: unknown, b: unknown): number {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number'))
    return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new Error('list elements are not comparable');
}
function extreme(list: CelList, sign: 1 | -1): unknown {
  const all = items(list);
  if (all.length === 0) throw new Error(`${sign > 0 ? 'max' : 'min'} of an empty list`);
  return all.reduce((best, x) => (compare(x, best) * sign > 0 ? x : best));
}
/**
 * CEL equality (by value, numbers across int/double) for `indexOf`: elements may be lists and maps,
 * as CEL values or as the plain input they were read from.
 */
function celEquals(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
function canonical(v: unknown): string {
  if (typeof v === 'bigint' || typeof v === 'number') return `n${Number(v)}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  if (isCelList(v) || Array.isArray(v)) return `[${[...(v as Iterable<unknown>)].map(canonical).join(',')}]`;
  const entries: [unknown, unknown][] =
    isCelMap(v) || v instanceof Map ? [...(v as Iterable<[unknown, unknown]>)] : Object.entries(v);
  return `{${entries
    .map(([k, x]) => `${canonical(k)}:${canonical(x)}`)
    .sort()
    .join(',')}}`;
}
function regex(pattern: string): RegExp {
  return new RegExp(pattern, 'gu');
}

export const kubernetesLibrary: CelFunc[] = [
  // lists
  celMethod('isSorted', LIST, [], CelScalar.BOOL, function () {
    const all = items(this);
    return all.every((x, i) => i === 0 || compare(all[i - 1], x) <= 0);
  }),
  celMethod('sum', LIST, [], CelScalar.DYN, function () {
    const all = items(this);
    if (all.every((x) => typeof x === 'bigint')) return all.reduce<bigint>((s, x) => s + (x as bigint), 0n);
    return all.reduce<number>((s, x) => s + Number(x), 0);
  }),
  celMethod('min', LIST, [], CelScalar.DYN, function () {
    return extreme(this, -1) as never;
  }),
  celMethod('max', LIST, [], CelScalar.DYN, function () {
    return extreme(this, 1) as never;
  }),
  celMethod('indexOf', LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return BigInt(items(this).findIndex((y) => celEquals(y, x)));
  }),
  celMethod('lastIndexOf', LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return BigInt(items(this).findLastIndex((y) => celEquals(y, x)));
  }),
  // regex
  celMethod('find', CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function (pattern) {
    return regex(pattern).exec(this)?.[0] ?? '';
  }),
  celMethod('findAll', CelScalar.STRING, [CelScalar.STRING], listType(CelScalar.STRING), function (pattern) {
    return [...this.matchAll(regex(pattern))].map((m) => m[0]);
  }),
  celMethod(
    'findAll',
    CelScalar.STRING,
    [CelScalar.STRING, CelScalar.INT],
    listType(CelScalar.STRING),
    function (pattern, limit) {
      const all = [...this.matchAll(regex(pattern))].map((m) => m[0]);
      return limit < 0n ? all : all.slice(0, Number(limit));
    },
  ),
  // quantity
  celFunc('isQuantity', [CelScalar.STRING], CelScalar.BOOL, (s) => parseQuantity(s) !== undefined),
  celFunc('quantity', [CelScalar.STRING], QUANTITY, (s) => quantity(s) as never),
  celMethod('sign', QUANTITY, [], CelScalar.INT, function () {
    const n = nanosOf(this);
    return n > 0n ? 1n : n < 0n ? -1n : 0n;
  }),
  celMethod('isInteger', QUANTITY, [], CelScalar.BOOL, function () {
    return nanosOf(this) % NANOS_PER_UNIT === 0n;
  }),
  celMethod('asInteger', QUANTITY, [], CelScalar.INT, function () {
    const n = nanosOf(this);
    if (n % NANOS_PER_UNIT !== 0n) throw new Error('quantity is not an integer');
    return n / NANOS_PER_UNIT;
  }),
  celMethod('asApproximateFloat', QUANTITY, [], CelScalar.DOUBLE, function () {
    return Number(nanosOf(this)) / 1e9;
  }),
  celMethod('compareTo', QUANTITY, [QUANTITY], CelScalar.INT, function (other) {
    return BigInt(compare(nanosOf(this), nanosOf(other)));
  }),
  celMethod('isGreaterThan', QUANTITY, [QUANTITY], CelScalar.BOOL, function (other) {
    return nanosOf(this) > nanosOf(other);
  }),
  celMethod('isLessThan', QUANTITY, [QUANTITY], CelScalar.BOOL, function (other) {
    return nanosOf(this) < nanosOf(other);
  }),
  celMethod('add', QUANTITY, [QUANTITY], QUANTITY, function (other) {
    return quantityOf(nanosOf(this) + nanosOf(other)) as never;
  }),
  celMethod('add', QUANTITY, [CelScalar.INT], QUANTITY, function (n) {
    return quantityOf(nanosOf(this) + n * NANOS_PER_UNIT) as never;
  }),
  celMethod('sub', QUANTITY, [QUANTITY], QUANTITY, function (other) {
    return quantityOf(nanosOf(this) - nanosOf(other)) as never;
  }),
  celMethod('sub', QUANTITY, [CelScalar.INT], QUANTITY, function (n) {
    return quantityOf(nanosOf(this) - n * NANOS_PER_UNIT) as never;
  }),
];
