import { Worker } from 'node:worker_threads';
import type { RunResult } from '../../model/finding.js';
import type { DiskReaderDescription, SourceEntry } from '../file-source.js';
import type { SharedBytes } from '../shared-bytes.js';
import type { StageTimes } from '../stage-timer.js';
import type { ShardFacts } from '../stages/pipeline.js';
import { debugTimeline } from './debug-timeline.js';
import type { IdleGate } from './idle-gate.js';
import { takePrestarted } from './prestart.js';
import type { FromWorker, OfferedEntry, ToWorker, WorkerSetup } from './protocol.js';
import { claimShard, MAIN_THREAD_TAG, newShardBoard, type ShardBoard, WORKER_TAG } from './shard-board.js';

export interface ShardOutcome extends ShardFacts {
  result: RunResult;
  times: StageTimes;
}

/** A shard's outcome, or why the worker that claimed it gave none (it is checked again here). */
type Settled = { outcome: ShardOutcome } | { lost: string };

/**
 * Engine worker threads (like the org scanner's repository pool, one level down): each worker
 * sets itself up once; then every thread, this one included, claims shards from a shared board
 * (shard-board.ts) until none is left. A worker that dies (crash, out of memory) loses only the
 * shards it claimed and had not answered; the main thread checks those again, and the others
 * carry on. The pool does not replace a dead worker.
 */
export class EngineWorkerPool {
  /** Live workers and their board tags. */
  private readonly tags = new Map<Worker, number>();
  private readonly settingUp = new Set<Worker>();
  private readonly setUpWaiters: (() => void)[] = [];
  /** Workers lost while holding no shard: said in a notice all the same. */
  private readonly lostIdle: string[] = [];
  /** Boards offered and not all answered: a later one may be offered before (rendering goes on). */
  private readonly open = new Map<number, ShardRun>();
  private runs = 0;
  private closing = false;

  constructor(
    /** Workers started (some may since have died). */
    readonly size: number,
    workerUrl: URL,
    /** What every worker is set up with (none when `size` is 0). */
    private readonly init: { setup: WorkerSetup; reader: DiskReaderDescription } | undefined,
    private readonly now: Date,
    /** Told each file a worker checked; none: workers do not say (a message per file). */
    private readonly onFile: ((path: string) => void) | undefined,
    /** Bytes the main thread holds in shared memory, sent with the shards (see FileSource). */
    private readonly sharedBytesOf?: (path: string) => SharedBytes | undefined,
  ) {
    for (let i = 0; i < size; i++) this.spawn(workerUrl, WORKER_TAG + i);
  }

  /**
   * Offers `shards` to the workers, who start on them as soon as they are set up, after the boards
   * offered before.
   */
  offer(shards: SourceEntry[][], debugStart?: number, gate?: IdleGate): ShardRun {
    const run = new ShardRun(this.runs++, shards, debugStart);
    this.open.set(run.id, run);
    if (this.tags.size === 0) return run;
    const offered = this.sharedBytesOf ? shards.map((shard) => shard.map((e) => this.withShared(e))) : shards;
    for (const worker of this.tags.keys())
      worker.postMessage({
        type: 'shards',
        run: run.id,
        board: run.board,
        shards: offered,
        now: this.now.toISOString(),
        gate,
      } satisfies ToWorker);
    return run;
  }

  private withShared(entry: SourceEntry): OfferedEntry {
    const shared = this.sharedBytesOf!(entry.path);
    return shared ? { ...entry, shared } : entry;
  }

  /** The setup of every board offered from now on (a board in hand keeps the one it began with). */
  updateSetup(setup: WorkerSetup): void {
    for (const worker of this.tags.keys()) worker.postMessage({ type: 'setup', setup } satisfies ToWorker);
  }

  /**
   * Once every worker is set up or gone: a worker that dies while setting itself up claims no
   * shard, and the run must say so whatever the timing (its notice is in `notices()`).
   */
  whenSetUp(): Promise<void> {
    if (this.settingUp.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.setUpWaiters.push(resolve));
  }

  /** Workers lost holding no shard (those holding shards are said by `ShardRun.finish`). */
  notices(): string[] {
    return this.lostIdle.map((why) => `${why}; the other threads checked its share`);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.tags.keys()].map((w) => w.terminate()));
  }

  private spawn(url: URL, tag: number): void {
    // A worker prestarted for this run has imported its packs already (prestart.ts).
    const prestarted = takePrestarted(url);
    if (prestarted) debugTimeline('a prestarted worker is adopted');
    const worker = prestarted ?? new Worker(url);
    if (!this.init) throw new Error('engine worker pool: workers need an init message');
    worker.postMessage({ type: 'init', ...this.init, tag, files: !!this.onFile } satisfies ToWorker);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'file') return this.onFile?.(message.path);
      if (message.type === 'ready') {
        // Heard when this thread's event loop turns: the worker says when it was ready.
        debugTimeline('a worker is set up', message.at - performance.timeOrigin);
        return this.setUp(worker);
      }
      const run = this.open.get(message.run);
      if (!run) return;
      if (message.type === 'failed') run.settle(message.index, { lost: message.error.split('\n')[0]! }, tag);
      else {
        const { result, times, links, namedAwaitedRule } = message;
        run.settle(message.index, { outcome: { result, times, links, namedAwaitedRule } }, tag, message.at);
      }
    });
    const lost = (why: string) => {
      if (this.closing || !this.tags.has(worker)) return;
      this.tags.delete(worker);
      this.setUp(worker);
      let held = false;
      for (const run of this.open.values()) held = run.loseShardsOf(tag, why) || held;
      if (!held) this.lostIdle.push(why);
    };
    worker.on('error', (error) => lost(`worker thread failed: ${error.message}`));
    worker.on('exit', (code) => lost(`worker thread exited (code ${code})`));
    this.tags.set(worker, tag);
    this.settingUp.add(worker);
  }

  private setUp(worker: Worker): void {
    this.settingUp.delete(worker);
    if (this.settingUp.size === 0) for (const resolve of this.setUpWaiters.splice(0)) resolve();
  }
}

/** One board of shards: the workers' answers as they come, and the main thread's part. */
export class ShardRun {
  readonly board: ShardBoard;
  private readonly settled: (Settled | undefined)[];
  private readonly waiters = new Map<number, (settled: Settled) => void>();

  constructor(
    readonly id: number,
    private readonly shards: SourceEntry[][],
    /** With `PLUMBLINE_POOL_DEBUG`: when the pooled run started (`performance.now()`). */
    private readonly debugStart?: number,
  ) {
    this.board = newShardBoard(shards.length);
    this.settled = shards.map(() => undefined);
  }

  settle(
    index: number,
    settled: Settled,
    tag: number,
    at = performance.timeOrigin + performance.now(),
  ): void {
    if (this.settled[index]) return;
    this.settled[index] = settled;
    if ('outcome' in settled) this.debug(index, tag, at);
    this.waiters.get(index)?.(settled);
  }

  /** A worker died: the shards it claimed and did not answer are checked again. True if it held any. */
  loseShardsOf(tag: number, why: string): boolean {
    let held = false;
    for (let i = 0; i < this.shards.length; i++)
      if (Atomics.load(this.board, i) === tag && !this.settled[i]) {
        held = true;
        this.settle(i, { lost: why }, tag);
      }
    return held;
  }

  /**
   * The main thread's part: claims shards with the workers until none is left, then waits for the
   * workers' answers and checks again on this thread every shard a worker lost. Outcomes come in
   * board order, whoever checked them; `notices` say which shards were checked again.
   */
  async finish(
    here: (entries: SourceEntry[]) => Promise<ShardOutcome>,
  ): Promise<{ outcomes: ShardOutcome[]; notices: string[] }> {
    for (
      let i = claimShard(this.board, MAIN_THREAD_TAG);
      i >= 0;
      i = claimShard(this.board, MAIN_THREAD_TAG, i + 1)
    )
      this.settle(i, { outcome: await here(this.shards[i]!) }, MAIN_THREAD_TAG);
    const outcomes: ShardOutcome[] = [];
    const notices: string[] = [];
    for (let i = 0; i < this.shards.length; i++) {
      const settled =
        this.settled[i] ?? (await new Promise<Settled>((resolve) => this.waiters.set(i, resolve)));
      if ('outcome' in settled) outcomes.push(settled.outcome);
      else {
        // Files are never lost to a worker: its shard is checked again here.
        notices.push(`${settled.lost}; its ${this.shards[i]!.length} files were scanned on the main thread`);
        outcomes.push(await here(this.shards[i]!));
      }
    }
    return { outcomes, notices };
  }

  private debug(index: number, tag: number, at: number): void {
    if (this.debugStart === undefined || !process.env.PLUMBLINE_POOL_DEBUG) return;
    const by = tag === MAIN_THREAD_TAG ? 'the main thread' : `worker ${tag - WORKER_TAG + 1}`;
    const ms = Math.round(at - performance.timeOrigin - this.debugStart);
    process.stderr.write(
      `plumbline pool: shard ${index + 1} (${this.shards[index]!.length} files) done by ${by} at ${ms} ms\n`,
    );
  }
}
