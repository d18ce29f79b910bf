/**
 * The stages of one audit, in pipeline order. `read` and `parse` interleave file by file; their
 * times are sums over files. `units` is where domains build their cross-file models (the
 * Kubernetes object graph, Terraform modules); `check` is the rules themselves.
 */
export const AUDIT_STAGES = [
  'discover',
  'render',
  'read',
  'parse',
  'units',
  'check',
  'suppress',
  'fingerprint',
  'report',
] as const;

export type AuditStage = (typeof AUDIT_STAGES)[number];

/** Milliseconds spent in each stage (a stage that did not run is absent). */
export type StageTimes = Partial<Record<AuditStage, number>>;

/** Adds up the time of each stage over a run. */
export class StageTimer {
  readonly times: StageTimes = {};

  add(stage: AuditStage, ms: number): void {
    this.times[stage] = (this.times[stage] ?? 0) + ms;
  }

  /** Tells `sink` the total of each stage that ran, in pipeline order. */
  flush(sink: ((stage: AuditStage, ms: number) => void) | undefined): void {
    if (!sink) return;
    for (const stage of AUDIT_STAGES) if (this.times[stage] !== undefined) sink(stage, this.times[stage]);
  }

  /** Times `work` as `stage` (awaited when it returns a promise). */
  time<T>(stage: AuditStage, work: () => T): T {
    const started = performance.now();
    const result = work();
    if (result instanceof Promise)
      return result.finally(() => this.add(stage, performance.now() - started)) as T;
    this.add(stage, performance.now() - started);
    return result;
  }
}
