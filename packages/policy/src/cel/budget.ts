/**
 * CEL has no loops, but nested macros over large lists still multiply (`l.map(a, l.map(b, ...))`).
 * The library has no cost accounting, so the input itself counts: every list element and map key a
 * comprehension reads is a step. Past the limit (or past the deadline) the evaluation stops with an
 * error on that unit, and the scan goes on.
 */
export const DEFAULT_STEP_LIMIT = 1_000_000;
export const DEFAULT_TIME_LIMIT_MS = 1_000;

export class CostLimitExceeded extends Error {
  override readonly name = 'CostLimitExceeded';
}

export class Budget {
  private steps = 0;
  private deadline = 0;

  constructor(
    readonly stepLimit = DEFAULT_STEP_LIMIT,
    readonly timeLimitMs = DEFAULT_TIME_LIMIT_MS,
  ) {}

  /** Starts one evaluation. */
  reset(): void {
    this.steps = 0;
    this.deadline = performance.now() + this.timeLimitMs;
  }

  spend(n = 1): void {
    this.steps += n;
    if (this.steps > this.stepLimit)
      throw new CostLimitExceeded(`cost limit exceeded (${this.stepLimit} steps)`);
    if ((this.steps & 1023) === 0 && performance.now() > this.deadline)
      throw new CostLimitExceeded(`time limit exceeded (${this.timeLimitMs} ms)`);
  }
}

/**
 * The input as CEL sees it: integers as `int` (Kubernetes int fields compare with `==`), lists and
 * maps wrapped so that reading them spends from the budget. Wrap once per unit; `reset` per evaluation.
 * A map's values are converted when first read, not up front: an expression reads a few paths of
 * an object, and converting all of it for every evaluation was most of an admission policy's
 * cost on large manifests (bench/README.md, fifteenth session). A list converts its items at once,
 * each a map that waits in turn.
 */
export function metered(value: unknown, budget: Budget): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => metered(v, budget));
    return new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && key.length > 0 && key.charCodeAt(0) <= 57) budget.spend();
        return Reflect.get(target, key, receiver);
      },
    });
  }
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array))
    return meteredMap(value as Record<string, unknown>, budget);
  return value;
}

/**
 * A map as a plain object whose own keys are those of `source` with a value (in its order), each
 * value `metered` when first read and then kept. The proxy's own target stays empty: what it
 * inherits is a plain object's, whatever `source` inherits.
 */
function meteredMap(source: Record<string, unknown>, budget: Budget): object {
  const converted = new Map<string, unknown>();
  const holds = (key: string | symbol): key is string =>
    typeof key === 'string' && Object.hasOwn(source, key) && source[key] !== undefined;
  const read = (key: string) => {
    if (converted.has(key)) return converted.get(key);
    const value = metered(source[key], budget);
    converted.set(key, value);
    return value;
  };
  return new Proxy({} as Record<string, unknown>, {
    get: (target, key, receiver) => (holds(key) ? read(key) : Reflect.get(target, key, receiver)),
    has: (target, key) => holds(key) || Reflect.has(target, key),
    ownKeys() {
      const keys = Object.keys(source).filter((key) => source[key] !== undefined);
      budget.spend(keys.length);
      return keys;
    },
    getOwnPropertyDescriptor: (_, key) =>
      holds(key) ? { value: read(key), writable: true, enumerable: true, configurable: true } : undefined,
  });
}
