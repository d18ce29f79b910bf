/**
 * The groups of code this run imported on demand (a rule pack, the policy compiler). The bundle's
 * V8 code cache records them, and a run that loads one the cache lacks writes it again
 * (v8-code-cache.ts). Worker threads keep their own code: only the main thread's count.
 */
const loaded = new Set<string>();

export function noteLoaded(group: string): void {
  loaded.add(group);
}

/** Sorted, so that one set of groups is always named the same. */
export function loadedGroups(): string[] {
  return [...loaded].sort();
}
