import type { Domain } from '../../model/domain.js';
import type { Language } from '../../model/language.js';
import type { Renderer } from '../../model/renderer.js';
import type { SourceEntry } from '../file-source.js';

/** Files checked together, on one thread. */
export interface Shard {
  entries: SourceEntry[];
  bytes: number;
}

export interface ShardPlan {
  /**
   * Checked on the main thread: every file of the languages rendered output joins (the rendered
   * files cannot leave the thread that rendered them), files no language claims, and skipped
   * entries. Always present, even empty.
   */
  leader: Shard;
  /** The rest, largest first: one shard per group of cross-file languages, and batches of file-local files. */
  others: Shard[];
}

export interface PlanInput {
  /** Discovered entries not claimed by a renderer. */
  entries: readonly SourceEntry[];
  /** The languages the run parses, in claim order. */
  languages: readonly Language[];
  /** Domains of the enabled rules. */
  domains: readonly Domain<unknown>[];
  renderers: readonly Renderer[];
  /** How many threads will share the file-local batches. */
  threads: number;
}

/**
 * Splits a scan into shards whose results do not depend on each other, so that checking them
 * apart gives exactly the findings of one run over everything:
 * - a language read only by `fileLocal` domains (Dockerfiles): its files are independent, and are
 *   batched into a few shards of similar size;
 * - languages read by a cross-file domain (Kubernetes graph, Terraform modules, workflow pins)
 *   stay together, with every language a domain reads alongside them;
 * - the languages rendered output may hold (all of them when a renderer does not say) join the
 *   leader, with everything else.
 */
export function planShards(input: PlanInput): ShardPlan {
  const { languages, domains } = input;
  const group = new Map<string, string>(languages.map((l) => [l.id, l.id]));
  const find = (id: string): string => {
    let root = id;
    while (group.get(root) !== root) root = group.get(root) ?? root;
    return root;
  };
  const join = (a: string, b: string) => group.set(find(a), find(b));
  const crossFile = new Set<string>();
  // Languages a domain reads together are one group (union-find on language ids).
  for (const domain of domains) {
    if (domain.id === 'core') continue;
    const known = domain.languages.filter((l) => group.has(l));
    for (const l of known) {
      if (!domain.fileLocal) crossFile.add(l);
      join(l, known[0]!);
    }
  }
  const leaderGroups = new Set<string>();
  if (input.renderers.length > 0) {
    const outputs = input.renderers.some((r) => !r.outputLanguages)
      ? languages.map((l) => l.id)
      : input.renderers.flatMap((r) => r.outputLanguages ?? []).filter((l) => group.has(l));
    for (const l of outputs) leaderGroups.add(find(l));
  }

  const crossGroups = new Set([...crossFile].map(find));
  const leader: Shard = { entries: [], bytes: 0 };
  const byGroup = new Map<string, Shard>();
  const fileLocal: SourceEntry[] = [];
  for (const entry of input.entries) {
    const language = entry.skipped ? undefined : languages.find((l) => l.claims(entry.path));
    const key = language && find(language.id);
    if (!language || !key || leaderGroups.has(key)) add(leader, entry);
    else if (crossGroups.has(key)) {
      let shard = byGroup.get(key);
      if (!shard) byGroup.set(key, (shard = { entries: [], bytes: 0 }));
      add(shard, entry);
    } else fileLocal.push(entry);
  }
  return {
    leader,
    others: [...byGroup.values(), ...batches(fileLocal, input.threads)].sort((a, b) => b.bytes - a.bytes),
  };
}

function add(shard: Shard, entry: SourceEntry): void {
  shard.entries.push(entry);
  shard.bytes += entry.size;
}

/** File-local entries in about four batches per thread (in listing order), so threads finish together. */
function batches(entries: readonly SourceEntry[], threads: number): Shard[] {
  const total = entries.reduce((n, e) => n + e.size, 0);
  const target = Math.max(64 * 1024, total / Math.max(1, threads * 4));
  const out: Shard[] = [];
  let current: Shard = { entries: [], bytes: 0 };
  for (const entry of entries) {
    add(current, entry);
    if (current.bytes >= target) {
      out.push(current);
      current = { entries: [], bytes: 0 };
    }
  }
  if (current.entries.length) out.push(current);
  return out;
}
