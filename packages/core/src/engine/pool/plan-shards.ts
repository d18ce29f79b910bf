import type { Domain } from '../../model/domain.js';
import type { Language } from '../../model/language.js';
import type { Renderer } from '../../model/renderer.js';
import type { AnyRule } from '../../model/rule.js';
import type { SourceEntry } from '../file-source.js';

/** Files checked together, on one thread. */
export interface Shard {
  entries: SourceEntry[];
  bytes: number;
  /** Bytes weighed by their language's `costPerByte`: what packing balances. */
  cost: number;
}

export interface ShardPlan {
  /**
   * Checked on the main thread: the files that must meet rendered output (the rendered files
   * cannot leave the thread that rendered them), files no language claims, and skipped entries.
   * Always present, even empty.
   */
  leader: Shard;
  /** The rest, largest first, each made of whole groups of files that must be checked together. */
  others: Shard[];
  /** For each language, how many of `others` hold some of its files (what a benchmark wants to see). */
  spread: Record<string, number>;
}

export interface PlanInput {
  /** Discovered entries not claimed by a renderer. */
  entries: readonly SourceEntry[];
  /** The languages the run parses, in claim order. */
  languages: readonly Language[];
  /** The enabled rules (their domains say which files must meet). */
  rules: readonly AnyRule[];
  renderers: readonly Renderer[];
  /** Paths of the rendered files (a Helm template's path, a kustomize origin's): on the main thread. */
  renderedPaths?: readonly string[];
  /** How many threads will share the shards. */
  threads: number;
}

/** A shard smaller than this is not worth a message to a worker (unless a group is that big). */
const MIN_SHARD_BYTES = 64 * 1024;

/** Shards per thread, so that a thread that finishes early takes another one. */
const SHARDS_PER_THREAD = 4;

/**
 * At least this many shards, whatever the threads: one thread checks a large scan shard after
 * shard and holds one shard's models at a time (on the corpus, 8 shards peaked ~60 MB lower than 4).
 */
const MIN_SHARDS = 8;

/**
 * Splits a scan into shards whose results do not depend on each other, so that checking them
 * apart gives exactly the findings of one run over everything:
 * - files of one language that a cross-file domain reads are grouped as the domain's `partition`
 *   says (a folder with the folders above it for Kubernetes, one repository's `.github` for
 *   workflows); a domain without `partition`, or with an enabled `wholeProject` rule, keeps all
 *   its files in one group; files of `fileLocal` domains (Dockerfiles) are groups of one;
 * - rendered files stay on the leader, and so do the groups they fall in: a domain's partition
 *   sees their paths beside the files of their languages (a renderer that does not say which
 *   languages it outputs keeps every language on the leader);
 * - the groups are packed, costliest first, into about four shards per thread of similar cost
 *   (bytes weighed by their language's `costPerByte`), and at least eight.
 * Contents can tie files together further (a kustomization naming `../base`): the domains'
 * `links` are checked after the run (pooled-audit.ts).
 */
export function planShards(input: PlanInput): ShardPlan {
  const { languages } = input;
  const domains = new Map<Domain<unknown>, boolean>();
  for (const rule of input.rules) {
    if (rule.domain.id === 'core') continue;
    domains.set(rule.domain, (domains.get(rule.domain) ?? false) || rule.wholeProject === true);
  }
  // Languages wholly on the leader: all of them when a renderer does not say what it outputs.
  const leaderLanguages = new Set<string>();
  // Languages rendered output holds: their files stay with it where a domain's partition says so.
  const renderedLanguages = new Set<string>();
  if (input.renderers.some((r) => !r.outputLanguages)) for (const l of languages) leaderLanguages.add(l.id);
  else for (const r of input.renderers) for (const l of r.outputLanguages ?? []) renderedLanguages.add(l);

  const leader: Shard = { entries: [], bytes: 0, cost: 0 };
  const placed: { entry: SourceEntry; language: string; weight: number }[] = [];
  for (const entry of input.entries) {
    const language = entry.skipped ? undefined : languages.find((l) => l.claims(entry.path));
    if (!language || leaderLanguages.has(language.id)) add(leader, entry, language?.costPerByte ?? 1);
    else placed.push({ entry, language: language.id, weight: language.costPerByte ?? 1 });
  }

  // Union-find over the placed files and the rendered paths: the groups each domain needs together.
  const index = new Map(placed.map((p, i) => [p.entry.path, i]));
  const rendered = new Set<number>();
  const renderedPaths = [...new Set(input.renderedPaths ?? [])];
  for (const path of renderedPaths) {
    if (!index.has(path)) index.set(path, index.size);
    rendered.add(index.get(path)!);
  }
  const parent = Array.from({ length: index.size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (paths: readonly string[]) => {
    const ids = paths.map((p) => index.get(p)).filter((i): i is number => i !== undefined);
    for (const i of ids.slice(1)) parent[find(i)] = find(ids[0]!);
  };
  for (const [domain, wholeProject] of domains) {
    if (domain.fileLocal) continue;
    const paths = placed.filter((p) => domain.languages.includes(p.language)).map((p) => p.entry.path);
    if (domain.languages.some((l) => renderedLanguages.has(l))) paths.push(...renderedPaths);
    if (domain.partition && !wholeProject) for (const group of domain.partition(paths)) join(group);
    else join(paths);
  }
  // Groups holding a rendered file stay on the leader (which keeps listing order).
  const withRendered = new Set([...rendered].map(find));
  const onLeader = new Set<SourceEntry>();
  const groups = new Map<number, Shard>();
  for (const [i, { entry, weight }] of placed.entries()) {
    const root = find(i);
    if (withRendered.has(root)) {
      onLeader.add(entry);
      continue;
    }
    const group = groups.get(root) ?? { entries: [], bytes: 0, cost: 0 };
    groups.set(root, group);
    add(group, entry, weight);
  }
  if (onLeader.size > 0) {
    const weightOf = new Map(placed.map((p) => [p.entry, p.weight]));
    const unplaced = new Set(leader.entries);
    leader.entries = [];
    leader.bytes = leader.cost = 0;
    for (const entry of input.entries)
      if (unplaced.has(entry) || onLeader.has(entry)) {
        const language = entry.skipped ? undefined : languages.find((l) => l.claims(entry.path));
        add(leader, entry, weightOf.get(entry) ?? language?.costPerByte ?? 1);
      }
  }
  const others = pack([...groups.values()], input.threads, index);
  const languageOf = new Map(placed.map((p) => [p.entry.path, p.language]));
  const spread: Record<string, number> = {};
  for (const shard of others)
    for (const l of new Set(shard.entries.map((e) => languageOf.get(e.path)!)))
      spread[l] = (spread[l] ?? 0) + 1;
  return { leader, others, spread };
}

function add(shard: Shard, entry: SourceEntry, weight: number): void {
  shard.entries.push(entry);
  shard.bytes += entry.size;
  shard.cost += entry.size * weight;
}

/**
 * Groups into about four shards per thread (at least eight), costliest group first into the cheapest shard, so
 * threads finish together (a byte of Terraform costs several of YAML: see `Language.costPerByte`);
 * a shard lists its files in listing order. Deterministic: ties go to the group listed first and
 * the shard made first.
 */
function pack(groups: Shard[], threads: number, listed: ReadonlyMap<string, number>): Shard[] {
  const total = groups.reduce((n, g) => n + g.bytes, 0);
  const wanted = Math.max(threads * SHARDS_PER_THREAD, MIN_SHARDS);
  const count = Math.max(1, Math.min(groups.length, wanted, Math.ceil(total / MIN_SHARD_BYTES)));
  const shards = Array.from({ length: count }, () => ({ groups: [] as Shard[], bytes: 0, cost: 0 }));
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => b.g.cost - a.g.cost || a.i - b.i);
  for (const { g } of order) {
    let cheapest = shards[0]!;
    for (const s of shards) if (s.cost < cheapest.cost) cheapest = s;
    cheapest.groups.push(g);
    cheapest.bytes += g.bytes;
    cheapest.cost += g.cost;
  }
  return shards
    .filter((s) => s.groups.length > 0)
    .map((s) => {
      const entries = s.groups
        .flatMap((g) => g.entries)
        .sort((a, b) => listed.get(a.path)! - listed.get(b.path)!);
      return { entries, bytes: s.bytes, cost: s.cost };
    })
    .sort((a, b) => b.cost - a.cost);
}

/**
 * Languages whose shards rendering cannot change: no renderer outputs them, and no cross-file
 * domain reads them together with one that a renderer outputs (directly, or through another
 * domain). Planned apart, before rendering and without its paths, their files fall in the same
 * groups as in one plan over everything, so their shards can be checked while the tools run.
 * `held` languages (those rules still being found check) are kept back the same way.
 */
export function languagesApartFromRendering(
  languages: readonly Language[],
  rules: readonly AnyRule[],
  renderers: readonly Renderer[],
  held: readonly string[] = [],
): Set<string> {
  if (renderers.some((r) => !r.outputLanguages)) return new Set();
  const tied = new Set([...renderers.flatMap((r) => r.outputLanguages ?? []), ...held]);
  const crossFile = [...new Set(rules.map((r) => r.domain))].filter((d) => d.id !== 'core' && !d.fileLocal);
  for (let grew = true; grew; ) {
    grew = false;
    for (const domain of crossFile)
      if (domain.languages.some((l) => tied.has(l)))
        for (const l of domain.languages)
          if (!tied.has(l)) {
            tied.add(l);
            grew = true;
          }
  }
  return new Set(languages.map((l) => l.id).filter((id) => !tied.has(id)));
}

/**
 * Two plans made apart, as one: the shards of both (the first's first) and the second's leader
 * (the first plans only files of languages apart from rendering: its leader is empty).
 */
export function joinPlans(first: ShardPlan, second: ShardPlan): ShardPlan {
  const spread = { ...first.spread };
  for (const [language, n] of Object.entries(second.spread)) spread[language] = (spread[language] ?? 0) + n;
  return { leader: second.leader, others: [...first.others, ...second.others], spread };
}

/**
 * The files of languages apart from rendering (`languagesApartFromRendering`) and from the
 * `held` languages (those of rules still being found), planned on their own; undefined when there
 * are none.
 */
export function planApartFromRendering(
  input: Omit<PlanInput, 'renderedPaths'> & { held?: readonly string[] },
): { plan: ShardPlan; entries: Set<SourceEntry> } | undefined {
  const apart = languagesApartFromRendering(input.languages, input.rules, input.renderers, input.held);
  if (apart.size === 0) return undefined;
  const chosen = input.entries.filter(
    (e) => !e.skipped && apart.has(input.languages.find((l) => l.claims(e.path))?.id ?? ''),
  );
  if (chosen.length === 0) return undefined;
  return { plan: planShards({ ...input, entries: chosen }), entries: new Set(chosen) };
}
