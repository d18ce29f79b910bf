import type { Budget } from './budget.js';
import type { CompiledExpression } from './compile.js';

/**
 * `variables.<name>` as Kubernetes evaluates them: lazily, at most once, and only when an
 * expression reads them, so a variable that would fail on an object it is never needed for does
 * not fail the policy. A CEL map is read through `get`/`has`, which this Map computes on demand.
 */
export class LazyVariables extends Map<string, unknown> {
  private readonly results = new Map<string, { value: unknown } | { error: string }>();

  constructor(
    private readonly definitions: { name: string; expression: CompiledExpression }[],
    private readonly bindings: Record<string, unknown>,
    private readonly budget: Budget,
  ) {
    super();
  }

  override has(key: string): boolean {
    return this.definitions.some((d) => d.name === key);
  }

  override get(key: string): unknown {
    let result = this.results.get(key);
    if (!result) {
      const definition = this.definitions.find((d) => d.name === key);
      if (!definition) return undefined;
      const r = definition.expression.evaluate(this.bindings, this.budget, true);
      result = r.ok ? { value: r.value } : { error: `variables.${key}: ${r.error}` };
      this.results.set(key, result);
    }
    if ('error' in result) throw new Error(result.error);
    return result.value;
  }

  override get size(): number {
    return this.definitions.length;
  }

  override *keys(): MapIterator<string> {
    for (const d of this.definitions) yield d.name;
  }

  override *entries(): MapIterator<[string, unknown]> {
    for (const d of this.definitions) yield [d.name, this.get(d.name)];
  }

  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    return this.entries();
  }
}
