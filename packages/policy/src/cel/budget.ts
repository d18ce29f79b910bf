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
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = metered(v, budget);
    return new Proxy(out, {
      ownKeys(target) {
        const keys = Reflect.ownKeys(target);
        budget.spend(keys.length);
        return keys;
      },
    });
  }
  return value;
}
