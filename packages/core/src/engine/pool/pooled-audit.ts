import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PathLink } from '../../model/domain.js';
import type { RunResult } from '../../model/finding.js';
import type { Language } from '../../model/language.js';
import type { AuditOptions } from '../audit.js';
import type { SourceEntry } from '../file-source.js';
import { compareErrors } from '../finding.js';
import { settleRules } from '../pending-rules.js';
import { planRenders, type RenderStageResult } from '../render-stage.js';
import { StageTimer } from '../stage-timer.js';
import { discoverEntries } from '../stages/discover.js';
import { languagesToParse, runPipeline, type ShardFacts } from '../stages/pipeline.js';
import { AuditRun, enabledRules } from '../stages/run-context.js';
import { crossedShards, linkReaches, placedFiles } from './crossed-shards.js';
import { debugTimeline } from './debug-timeline.js';
import { newIdleGate, openGate } from './idle-gate.js';
import { mergeResults } from './merge-results.js';
import { joinPlans, planApartFromRendering, planShards, type Shard, type ShardPlan } from './plan-shards.js';
import { dropPrestarted, engineWorkerUrl } from './prestart.js';
import { ShardSource } from './shard-source.js';
import { EngineWorkerPool, type ShardOutcome, type ShardRun } from './worker-pool.js';

export type { WorkerSetup } from './protocol.js';

function workerUrl(options: AuditOptions): URL {
  return engineWorkerUrl(options.workerSetup);
}

/** With `threads: 'auto'`, workers start only for this much work outside the main thread's shard. */
const AUTO_MIN_BYTES = 4 * 1024 * 1024;

/**
 * On one thread, a scan with this much work outside the main thread's own shard is still checked
 * shard by shard, so that only one shard's models are held at a time (memory, not speed).
 */
const SHARDED_MIN_BYTES = 4 * 1024 * 1024;

/** Can this run start worker threads at all? */
function canStartWorkers(options: AuditOptions): boolean {
  if (options.threads === undefined || options.threads === 1) return false;
  if (!options.workerSetup || !options.source.readerDescription?.()) return false;
  return existsSync(fileURLToPath(workerUrl(options)));
}

/** The thread count `threads` stands for (at least one; one when not said). */
export function threadCount(threads: AuditOptions['threads']): number {
  if (threads === undefined) return 1;
  if (threads === 'auto') return Math.max(1, availableParallelism());
  return Math.max(1, Math.floor(threads));
}

/**
 * Every run: the pipeline over several threads, or over this one alone (asked for, or because no
 * worker can read the files: a commit read from git, the Action's single-file bundle), which
 * checks a large scan shard after shard (checked all at once, the corpus read from git as the
 * base of `--new-since` held every model to the end: a heap of ~320 MB, ~200 MB shard by shard).
 * The main thread discovers and renders once, splits the rest
 * into shards that do not depend on each other (pool/plan-shards.ts), sends the largest first to
 * the workers, checks its own shard (rendered files, files no language claims), takes back queued
 * shards when it is done, and merges. Files rendering cannot touch may be offered to the workers
 * before the tools run. The result equals a one-thread run's (durations aside).
 */
export async function runPooledAudit(given: AuditOptions): Promise<RunResult> {
  const started = performance.now();
  const timer = new StageTimer();
  const now = given.now ?? new Date();
  let options = given;
  let run = new AuditRun({ ...options, now });
  const threads = threadCount(options.threads);
  debugTimeline('engine starts');
  const entries = await timer.time('discover', () => discoverEntries(run));
  debugTimeline('discovered');
  let languages = languagesToParse(run);
  let rules = enabledRules(run.registry, run.config);
  const renderers = options.renderers ?? [];
  const renders = await timer.time('render', () => planRenders(options, entries, run.config));
  // Rendering reads its files on this thread: none of them goes to a worker.
  options.source.readHere?.(renders.claimed);
  const unclaimed = entries.filter((e) => !renders.claimed.has(e.path));
  let done = 0;
  // Without a listener, workers do not say each file they check (a message per file).
  const listener = options.onFile;
  const onFile = listener ? (path: string) => listener(path, ++done) : undefined;
  const newPool = (workers: number) =>
    new EngineWorkerPool(
      workers,
      workerUrl(options),
      workers > 0 ? { setup: options.workerSetup!, reader: options.source.readerDescription!()! } : undefined,
      now,
      onFile,
      options.source.sharedBytesOf?.bind(options.source),
    );
  /** The rules still being found are found (on this thread): the rest of the run uses them all. */
  const settle = async () => {
    const before = options.workerSetup;
    options = await settleRules(options);
    run = new AuditRun({ ...options, now });
    languages = languagesToParse(run);
    rules = enabledRules(run.registry, run.config);
    debugTimeline('pending rules found');
    return options.workerSetup !== before;
  };

  // While the tools render and this thread finds the pending rules (the admission policies of the
  // scanned YAML), the workers check the files neither can touch (Terraform, Dockerfiles): planned
  // apart, they fall in the groups one plan would make.
  const pending = options.pendingRules;
  const early =
    (renders.claimed.size > 0 || pending) && threads > 1 && canStartWorkers(options)
      ? planApartFromRendering({
          entries: unclaimed,
          languages,
          rules,
          renderers,
          held: pending?.languages,
          threads,
        })
      : undefined;
  const startEarly = !!early && (options.threads !== 'auto' || bytesOf(early.plan.others) >= AUTO_MIN_BYTES);
  if (pending && !startEarly) await settle();
  let pool: EngineWorkerPool | undefined;
  const boards: ShardRun[] = [];
  // Taken only while a core is idle until rendering is done: the tools come first.
  const gate = newIdleGate();
  try {
    if (startEarly) {
      pool = newPool(threads - 1);
      void dropPrestarted(); // those the pool did not adopt
      debugTimeline(`workers started before ${earlyWhile(!!pending, renders.claimed.size > 0)}`);
      boards.push(
        pool.offer(
          early.plan.others.map((shard) => shard.entries),
          started,
          // Finding the pending rules keeps one core busy, never two: no need to look.
          renders.claimed.size > 0 ? gate : undefined,
        ),
      );
      // The boards offered from now on are checked with every rule; the first keeps its own.
      if (pending && (await settle())) pool.updateSetup(options.workerSetup!);
    }
    const rendering = await timer.time('render', () => renders.run());
    openGate(gate);
    debugTimeline('rendered');
    const restPlan = planShards({
      entries: startEarly ? unclaimed.filter((e) => !early.entries.has(e)) : unclaimed,
      languages,
      rules,
      renderers,
      renderedPaths: rendering.files.map((f) => f.path),
      threads,
    });
    const plan = startEarly ? joinPlans(early.plan, restPlan) : restPlan;
    debugTimeline('shards planned');
    if (!pool) {
      const otherBytes = bytesOf(plan.others);
      const workers =
        !canStartWorkers(options) || (options.threads === 'auto' && otherBytes < AUTO_MIN_BYTES)
          ? 0
          : Math.min(threads - 1, plan.others.length);
      if (workers === 0 && otherBytes < SHARDED_MIN_BYTES) {
        void dropPrestarted();
        const result = await runPipeline({ ...options, now }, { entries, rendering }, timer);
        timer.flush(options.onStageTime);
        return result;
      }
      // No worker (one thread, or a source a worker cannot open): the main thread claims every shard.
      pool = newPool(workers);
      void dropPrestarted(); // those the pool did not adopt
      debugTimeline('workers started');
    }
    debugPlan(
      plan,
      pool.size,
      startEarly ? early.plan.others.length : 0,
      earlyWhile(!!pending, renders.claimed.size > 0),
    );
    boards.push(
      pool.offer(
        restPlan.others.map((shard) => shard.entries),
        started,
      ),
    );
    return await checkShards({
      options,
      now,
      started,
      timer,
      entries,
      languages,
      rendering,
      plan,
      pool,
      boards,
      onFile,
    });
  } finally {
    openGate(gate);
    // Not awaited: a worker's heap takes 50-100 ms to tear down on the corpus, while the caller
    // can write its report (the process exits once the workers are gone).
    void pool?.close().catch(() => undefined);
  }
}

/** What `checkShards` needs of the run. */
interface ShardedRun {
  options: AuditOptions;
  now: Date;
  started: number;
  timer: StageTimer;
  entries: readonly SourceEntry[];
  languages: readonly Language[];
  rendering: RenderStageResult;
  plan: ShardPlan;
  pool: EngineWorkerPool;
  /** The plan's shards, offered on these boards in the plan's order. */
  boards: readonly ShardRun[];
  onFile: ((path: string) => void) | undefined;
}

/**
 * The main thread checks its own shard, then claims shards with the workers until none is left;
 * shards that links tie together are checked again as one; the outcomes are merged.
 */
async function checkShards(sharded: ShardedRun): Promise<RunResult> {
  const { options, now, started, timer, entries, languages, rendering, plan, pool, onFile } = sharded;
  /** A shard on this thread: after the leader's, or when its worker died. */
  const inProcess = async (shardEntries: SourceEntry[]): Promise<ShardOutcome> => {
    const shardTimer = new StageTimer();
    const facts: ShardFacts = { links: [], namedAwaitedRule: false };
    const result = await runPipeline(
      { ...options, now, source: new ShardSource(options.source, shardEntries), renderers: [], onFile },
      undefined,
      shardTimer,
      facts,
    );
    return { result, times: shardTimer.times, ...facts };
  };
  const notices: RunResult['errors'] = [];
  const leaderFacts: ShardFacts = { links: [], namedAwaitedRule: false };
  const leaderLinks = leaderFacts.links;
  const leader = await runPipeline(
    { ...options, now, onFile },
    { entries: plan.leader.entries, rendering },
    timer,
    leaderFacts,
  );
  if (process.env.PLUMBLINE_POOL_DEBUG)
    process.stderr.write(
      `plumbline pool: main thread's own shard done at ${Math.round(performance.now() - started)} ms\n`,
    );
  let others: ShardOutcome[] = [];
  for (const board of sharded.boards) {
    const finished = await board.finish(inProcess);
    others.push(...finished.outcomes);
    notices.push(...finished.notices.map((message) => ({ kind: 'internal' as const, message })));
  }
  for (const { times } of others)
    for (const [stage, ms] of Object.entries(times)) timer.add(stage as keyof typeof times, ms);
  // A worker checked these before every rule was known, and one of their files names such a rule
  // (an ignore comment for an admission policy): checked again here, with all of them.
  for (const [i, outcome] of others.entries())
    if (outcome.namedAwaitedRule) {
      if (process.env.PLUMBLINE_POOL_DEBUG)
        process.stderr.write(`plumbline pool: shard ${i + 1} names a rule found later: checked again\n`);
      others[i] = await inProcess(plan.others[i]!.entries);
    }

  // Contents may tie files of different shards together: check those shards again, as one.
  const languageOf = (path: string) => languages.find((l) => l.claims(path))?.id;
  debugTimeline('every shard checked');
  const crossed = crossedShards(plan, [leaderLinks, ...others.map((o) => o.links)], languageOf);
  debugTimeline('links between shards found');
  if (process.env.PLUMBLINE_POOL_DEBUG && crossed.length > 0)
    debugLinks(plan, [leaderLinks, ...others.map((o) => o.links)], languageOf);
  if (crossed.some((group) => group.includes(0))) {
    if (process.env.PLUMBLINE_POOL_DEBUG)
      process.stderr.write(
        'plumbline pool: a link reaches the main thread: the run is checked again on it\n',
      );
    const result = await runPipeline(
      { ...options, now },
      { entries: [...entries], rendering },
      new StageTimer(),
    );
    result.summary.durationMs = Math.round(performance.now() - started);
    timer.flush(options.onStageTime);
    return result;
  }
  if (crossed.length > 0) {
    if (process.env.PLUMBLINE_POOL_DEBUG)
      process.stderr.write(
        `plumbline pool: links cross ${crossed.map((g) => g.length).join(', ')} shards: checked again together\n`,
      );
    const order = new Map(entries.map((e, i) => [e.path, i]));
    const again = await pool
      .offer(
        crossed.map((group) =>
          group
            .flatMap((i) => plan.others[i - 1]!.entries)
            .sort((a, b) => order.get(a.path)! - order.get(b.path)!),
        ),
        started,
      )
      .finish(inProcess);
    notices.push(...again.notices.map((message) => ({ kind: 'internal' as const, message })));
    const replaced = new Set(crossed.flat());
    others = [...others.filter((_, i) => !replaced.has(i + 1)), ...again.outcomes];
  }
  // A worker that died setting itself up held no shard, but the run still says so.
  await pool.whenSetUp();
  notices.push(...pool.notices().map((message) => ({ kind: 'internal' as const, message })));
  const merged = mergeResults(
    leader,
    others.map((o) => o.result),
    Math.round(performance.now() - started),
  );
  merged.errors.push(...notices);
  merged.errors.sort(compareErrors);
  debugTimeline('results merged');
  timer.flush(options.onStageTime);
  return merged;
}

const bytesOf = (shards: readonly Shard[]) => shards.reduce((n, s) => n + s.bytes, 0);

/** What the first board is offered before, in the debug lines. */
function earlyWhile(pending: boolean, rendering: boolean): string {
  return [pending && 'the pending rules are found', rendering && 'rendering'].filter(Boolean).join(' and ');
}

/** For tests and benchmarks: how the run was split (stderr only, when asked). */
function debugPlan(plan: ShardPlan, workers: number, offeredEarly: number, before: string): void {
  if (!process.env.PLUMBLINE_POOL_DEBUG) return;
  const spread = Object.entries(plan.spread)
    .map(([language, n]) => `${language} in ${n}`)
    .join(', ');
  const early = offeredEarly > 0 ? `; the first ${offeredEarly} offered before ${before}` : '';
  process.stderr.write(
    `plumbline pool: ${workers} workers, main thread ${plan.leader.entries.length} files, ${plan.others.length} other shards (${spread}); MB: main ${mb(plan.leader.bytes)}, others ${plan.others.map((o) => mb(o.bytes)).join(' ')}; cost: others ${plan.others.map((o) => mb(o.cost)).join(' ')}${early}\n`,
  );
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** For `PLUMBLINE_POOL_DEBUG`: the links that reach another shard than their own file's. */
function debugLinks(
  plan: ReturnType<typeof planShards>,
  links: readonly (readonly PathLink[])[],
  languageOf: (path: string) => string | undefined,
): void {
  const placed = placedFiles(plan, languageOf);
  for (const link of links.flat()) {
    const from = placed.get(link.file)?.shard ?? 0;
    const reached = new Set<number>();
    for (const [path, { shard, language }] of placed)
      if (shard !== from && linkReaches(link, path, language)) reached.add(shard);
    if (reached.size > 0)
      process.stderr.write(
        `plumbline pool: ${link.file} (shard ${from}) reaches ${[...reached].join(', ')}: ${JSON.stringify(link)}\n`,
      );
  }
}
