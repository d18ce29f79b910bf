import type { PathLink } from '../../model/domain.js';
import type { RunResult } from '../../model/finding.js';
import type { DiskReaderDescription, SourceEntry } from '../file-source.js';
import type { SharedBytes } from '../shared-bytes.js';
import type { StageTimes } from '../stage-timer.js';
import type { IdleGate } from './idle-gate.js';
import type { ShardBoard } from './shard-board.js';

/**
 * How a worker thread rebuilds what `runAudit` needs besides files: rule functions cannot be sent
 * to a thread, so the worker imports `module` and calls its `createAuditSetup(data)`. `data` is
 * plain data (structured-cloneable): module specifiers, config paths, custom policy texts...
 */
export interface WorkerSetup {
  /** A file URL (or specifier) of an ES module exporting `createAuditSetup`. */
  module: string;
  data: unknown;
  /**
   * A file URL of the engine's worker script, when it is not this package's compiled
   * `dist/engine/pool/audit-worker.js` (a bundled CLI ships its own copy beside the bundle).
   */
  engine?: string;
}

/** What `createAuditSetup` returns: the parts of AuditOptions that hold code. */
export type AuditSetup = Pick<
  import('../audit.js').AuditOptions,
  'languages' | 'registry' | 'config' | 'baseline' | 'tool' | 'docsBaseUrl'
>;

export type ToWorker =
  /**
   * `tag`: what the worker writes on the boards for the shards it claims (see shard-board.ts);
   * `files`: whether it says each file it checked (a `file` message: progress), else nothing.
   */
  | { type: 'init'; setup: WorkerSetup; reader: DiskReaderDescription; tag: number; files: boolean }
  /** A new setup for the boards offered after it (the rules changed during the run). */
  | { type: 'setup'; setup: WorkerSetup }
  /**
   * Shards to claim from `board` (shared with every thread) until none is left; with a `gate`,
   * each only while a core is idle, until the gate opens (see idle-gate.ts).
   */
  | {
      type: 'shards';
      run: number;
      board: ShardBoard;
      shards: OfferedEntry[][];
      now: string;
      gate?: IdleGate;
    };

/** A file of an offered shard, with its bytes when the main thread holds them in shared memory. */
export type OfferedEntry = SourceEntry & { shared?: SharedBytes };

export type FromWorker =
  | { type: 'file'; path: string }
  /** Set up (its modules imported, its rules built) at `at` (epoch ms): for the debug timeline. */
  | { type: 'ready'; at: number }
  /** Shard `index` of run `run` checked, at `at` (epoch ms). */
  | {
      type: 'done';
      run: number;
      index: number;
      at: number;
      result: RunResult;
      times: StageTimes;
      links: PathLink[];
      namedAwaitedRule: boolean;
    }
  | { type: 'failed'; run: number; index: number; error: string };
