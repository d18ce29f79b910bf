import type { PathLink } from '../../model/domain.js';
import type { RunResult } from '../../model/finding.js';
import type { DiskReaderDescription, SourceEntry } from '../file-source.js';
import type { StageTimes } from '../stage-timer.js';

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
  | { type: 'init'; setup: WorkerSetup; reader: DiskReaderDescription }
  | { type: 'shard'; id: number; entries: SourceEntry[]; now: string };

export type FromWorker =
  | { type: 'file'; path: string }
  /** Set up (its modules imported, its rules built) at `at` (epoch ms): for the debug timeline. */
  | { type: 'ready'; at: number }
  | { type: 'done'; id: number; result: RunResult; times: StageTimes; links: PathLink[] }
  | { type: 'failed'; id: number; error: string };
