import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../model/finding.js';
import type { AuditOptions } from '../audit.js';
import type { SourceEntry } from '../file-source.js';
import { compareErrors } from '../finding.js';
import { renderUnits } from '../render-stage.js';
import { StageTimer } from '../stage-timer.js';
import { rulesByDomain } from '../stages/check.js';
import { discoverEntries } from '../stages/discover.js';
import { languagesToParse, runPipeline } from '../stages/pipeline.js';
import { AuditRun, enabledRules } from '../stages/run-context.js';
import { mergeResults } from './merge-results.js';
import { planShards } from './plan-shards.js';
import { ShardSource } from './shard-source.js';
import { EngineWorkerPool, type ShardOutcome } from './worker-pool.js';

export type { WorkerSetup } from './protocol.js';

/** The compiled worker (also when this module runs from sources under a test runner). */
const WORKER_URL = new URL('../../../dist/engine/pool/audit-worker.js', import.meta.url);

function workerUrl(options: AuditOptions): URL {
  return options.workerSetup?.engine ? new URL(options.workerSetup.engine) : WORKER_URL;
}

/** With `threads: 'auto'`, workers start only for this much work outside the main thread's shard. */
const AUTO_MIN_BYTES = 4 * 1024 * 1024;

/** Can this run use worker threads at all? */
export function wantsPool(options: AuditOptions): boolean {
  if (options.threads === undefined || options.threads === 1) return false;
  if (!options.workerSetup || !options.source.readerDescription?.()) return false;
  return existsSync(fileURLToPath(workerUrl(options)));
}

/** The thread count `threads` stands for (at least one). */
export function threadCount(threads: AuditOptions['threads']): number {
  if (threads === 'auto' || threads === undefined) return Math.max(1, availableParallelism());
  return Math.max(1, Math.floor(threads));
}

/**
 * The pipeline over several threads. The main thread discovers and renders once, splits the rest
 * into shards that do not depend on each other (pool/plan-shards.ts), sends the largest first to
 * the workers, checks its own shard (rendered files, files no language claims), takes back queued
 * shards when it is done, and merges. The result equals a one-thread run's (durations aside).
 */
export async function runPooledAudit(options: AuditOptions): Promise<RunResult> {
  const started = performance.now();
  const timer = new StageTimer();
  const now = options.now ?? new Date();
  const run = new AuditRun({ ...options, now });
  const threads = threadCount(options.threads);
  const entries = await timer.time('discover', () => discoverEntries(run));
  const rendering = await timer.time('render', () => renderUnits(options, entries, run.config));
  const plan = planShards({
    entries: entries.filter((e) => !rendering.claimed.has(e.path)),
    languages: languagesToParse(run),
    domains: [...rulesByDomain(enabledRules(run.registry, run.config)).keys()],
    renderers: options.renderers ?? [],
    threads,
  });
  const otherBytes = plan.others.reduce((n, s) => n + s.bytes, 0);
  const workers =
    options.threads === 'auto' && otherBytes < AUTO_MIN_BYTES ? 0 : Math.min(threads - 1, plan.others.length);
  if (workers === 0) {
    const result = await runPipeline({ ...options, now }, { entries, rendering }, timer);
    timer.flush(options.onStageTime);
    return result;
  }

  let done = 0;
  const onFile = (path: string) => options.onFile?.(path, ++done);
  /** A shard on this thread: after the leader's, or when its worker died. */
  const inProcess = async (shardEntries: SourceEntry[]): Promise<ShardOutcome> => {
    const shardTimer = new StageTimer();
    const result = await runPipeline(
      { ...options, now, source: new ShardSource(options.source, shardEntries), renderers: [], onFile },
      undefined,
      shardTimer,
    );
    return { result, times: shardTimer.times };
  };
  const pool = new EngineWorkerPool(
    workers,
    workerUrl(options),
    { setup: options.workerSetup!, reader: options.source.readerDescription!()! },
    now,
    onFile,
  );
  // For tests and benchmarks: how the run was split (stderr only, when asked).
  if (process.env.PLUMBLINE_POOL_DEBUG)
    process.stderr.write(
      `plumbline pool: ${workers} workers, main thread ${plan.leader.entries.length} files, ${plan.others.length} other shards\n`,
    );
  const notices: RunResult['errors'] = [];
  const outcomes = plan.others.map((shard) =>
    pool.run(shard.entries).catch(async (error: Error) => {
      // Files are never lost to a worker: its shard is scanned again here.
      notices.push({
        kind: 'internal',
        message: `${error.message.split('\n')[0]}; its ${shard.entries.length} files were scanned on the main thread`,
      });
      return inProcess(shard.entries);
    }),
  );
  try {
    const leader = await runPipeline(
      { ...options, now, onFile },
      { entries: plan.leader.entries, rendering },
      timer,
    );
    for (let job = pool.steal(); job; job = pool.steal()) job.resolve(await inProcess(job.entries));
    const others = await Promise.all(outcomes);
    for (const { times } of others)
      for (const [stage, ms] of Object.entries(times)) timer.add(stage as keyof typeof times, ms);
    const merged = mergeResults(
      leader,
      others.map((o) => o.result),
      Math.round(performance.now() - started),
    );
    merged.errors.push(...notices);
    merged.errors.sort(compareErrors);
    timer.flush(options.onStageTime);
    return merged;
  } finally {
    await pool.close();
  }
}
