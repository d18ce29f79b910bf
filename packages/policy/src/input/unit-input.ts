import type { Loc } from '@plumbline/core';
import type { InputPath } from './path.js';

/**
 * What a policy sees of one unit: named variables (documented per language in the README), and
 * the way back from a path into them to a span of the unit's source, so findings land where
 * built-in rules would put them.
 */
export interface UnitInput {
  /** The language's variables, e.g. `{ object, namespace, related }` for Kubernetes. */
  variables: Record<string, unknown>;
  /** Where a finding without `at` points: the unit's head (a `kind:` line, a FROM, a block header). */
  head: Loc;
  /** The enclosing object: ignore comments anywhere inside it apply. */
  container: Loc;
  /** Default `resource` of findings. */
  resource?: string;
  /** Resolves a path (starting with a variable name) to the deepest existing node on it. */
  locate(path: InputPath): Loc | undefined;
  /** Template fields for messages: `{{ kind }}`, `{{ name }}`, ... */
  fields: Record<string, string>;
}

/** Records the spans of the values placed in an input while it is built. */
export class SpanIndex {
  private readonly spans = new Map<string, Loc>();
  private readonly mounts: { prefix: InputPath; resolve: (rest: InputPath) => Loc | undefined }[] = [];

  set(path: InputPath, loc: Loc | undefined): void {
    if (loc) this.spans.set(key(path), loc);
  }

  /** Paths below `prefix` resolved by a function (a YAML document resolves its own routes). */
  mount(prefix: InputPath, resolve: (rest: InputPath) => Loc | undefined): void {
    this.mounts.push({ prefix, resolve });
  }

  locate(path: InputPath): Loc | undefined {
    for (let n = path.length; n > 0; n--) {
      const prefix = path.slice(0, n);
      const exact = this.spans.get(key(prefix));
      if (exact) return exact;
      for (const mount of this.mounts) {
        if (mount.prefix.length <= n && mount.prefix.every((s, i) => s === prefix[i])) {
          const loc = mount.resolve(prefix.slice(mount.prefix.length));
          if (loc) return loc;
        }
      }
    }
    return undefined;
  }
}

function key(path: InputPath): string {
  return JSON.stringify(path);
}
