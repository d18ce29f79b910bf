import type { ResolvedConfig } from '../config/config.js';
import type { Finding, RunResult } from '../model/finding.js';
import type { Language } from '../model/language.js';
import type { Renderer } from '../model/renderer.js';
import type { ReportParts } from '../model/rule.js';
import type { Baseline } from './baseline.js';
import type { FileSource } from './file-source.js';
import type { PendingRules } from './pending-rules.js';
import { runPooledAudit, type WorkerSetup } from './pool/pooled-audit.js';
import type { RuleRegistry } from './registry.js';
import type { AuditStage } from './stage-timer.js';

export { compareFindings, DEFAULT_DOCS_BASE, describeRule, toFinding } from './finding.js';
export { enabledRules } from './stages/run-context.js';

export interface AuditOptions {
  source: FileSource;
  languages: readonly Language[];
  registry: RuleRegistry;
  config: ResolvedConfig;
  /** Only files matching these globs are scanned (all when empty). */
  include?: string[];
  /** Files matching these globs are not scanned (on top of config `ignore`). */
  exclude?: string[];
  baseline?: Baseline;
  /** Today, for exception expiry (tests pin it). */
  now?: Date;
  tool?: { name: string; version: string; informationUri: string };
  docsBaseUrl?: string;
  /** Stages before parsing that render deployment units (Helm charts, kustomizations). */
  renderers?: readonly Renderer[];
  /** Called after each file is parsed (progress display). */
  onFile?: (path: string, done: number) => void;
  /**
   * Called once per stage at the end of the run with the milliseconds spent in it (see
   * `AUDIT_STAGES`), for benchmarks and `--timings`-like displays. The result is not changed.
   */
  onStageTime?: (stage: AuditStage, ms: number) => void;
  /**
   * Threads that parse and check files: 1 (the default) runs everything on this thread (a scan
   * with over 4 MB to parse shard after shard, holding one shard's models at a time); N uses
   * this thread and N-1 worker threads; 'auto' is one per available core, and workers only start
   * when the scan is large enough to repay their start-up. Needs `workerSetup` and a source that
   * can describe itself to a worker (a DiskFileSource); otherwise the run stays on this thread.
   */
  threads?: number | 'auto';
  /** How a worker thread rebuilds languages, rules, config and renderers (see pool/README.md). */
  workerSetup?: WorkerSetup;
  /** Rules still being found as the run starts (see pending-rules.ts). */
  pendingRules?: PendingRules;
}

/** A finding before suppressions: the rule's report with its location resolved. */
export interface RawFinding extends Finding {
  /** Lines of the enclosing object, for ignore comments placed anywhere inside it. */
  containerLines?: [number, number];
  /** Values sets / variants a rendered finding appeared in (merged into one finding). */
  variants?: string[];
  /** The rules a combined finding stands for (see `Report.parts`); narrowed by config and suppressions. */
  parts?: ReportParts;
}

/**
 * The whole pipeline, one named stage after the other (see `AUDIT_STAGES` and `stages/`):
 * discover → render → read and parse → units → check → fingerprint → suppress → report, on this
 * thread or spread over worker threads (`threads`) with the same result.
 * Pure apart from the FileSource it reads through; never throws for a bad input file.
 */
export function runAudit(options: AuditOptions): Promise<RunResult> {
  return runPooledAudit(options);
}
