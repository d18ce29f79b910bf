import type { AuditOptions } from './audit.js';

/**
 * Rules still being found when a run starts: the CLI searches the scanned YAML for admission
 * policies (each a `vap/<name>` rule) on the main thread. The run starts with the registry,
 * config and worker setup as they are without them; `settle` gives them with them. A pooled run
 * offers the files of other languages to its workers meanwhile (pool/README.md); any other run
 * settles first.
 */
export interface PendingRules {
  /** The languages of the files the pending rules check: their files wait for `settle`. */
  languages: readonly string[];
  settle(): Promise<Pick<AuditOptions, 'registry' | 'config' | 'workerSetup'>>;
}

/** The options with every rule: the pending ones settled (options without any as they are). */
export async function settleRules(options: AuditOptions): Promise<AuditOptions> {
  const { pendingRules, ...rest } = options;
  return pendingRules ? { ...rest, ...(await pendingRules.settle()) } : options;
}
