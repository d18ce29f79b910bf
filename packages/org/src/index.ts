export type { AppCredentials } from './auth.js';
export { appInstallationToken } from './auth.js';
export type { RepositoryInfo, RunInfo, ScanRecord, ScanStatus, StoredFinding } from './db/database.js';
export { OrgDatabase } from './db/database.js';
export type { HistoryFinding, RunHistory } from './db/history.js';
export { fixedIn, meanDaysToFix, newIn, ruleTrend, runHistory } from './db/history.js';
export { mergeDatabases } from './db/merge.js';
export { MIGRATIONS, schemaVersion } from './db/migrations.js';
export type { EnumerateOptions, RepositoryRef } from './enumerate.js';
export { headSha, listRepositories } from './enumerate.js';
export { fetchTarball } from './fetch.js';
export { ScanPool } from './pool.js';
export type { PublishOptions, PublishOutcome } from './publish.js';
export { ISSUE_LABEL, ISSUE_MARKER, issueBody, publishResults } from './publish.js';
export { renderDashboard } from './report/html.js';
export type { ReportData, ReportFinding, ReportRepository } from './report/model.js';
export { loadReport } from './report/model.js';
export { renderResults } from './report/results.js';
export { renderSarifFiles, safeFileName } from './report/sarif.js';
export { renderSummary } from './report/summary.js';
export { writeReport } from './report/write.js';
export type { OrgProgress, OrgScanOptions, OrgScanOutcome } from './run.js';
export { AuthError, DEFAULT_CONCURRENCY, reasonOf, scanOrganisation } from './run.js';
export type { AuditRequest, RepositoryAuditor, ScanInput, ScanOutput } from './scan.js';
export { scanRepository } from './scan.js';
export type { Shard } from './shard.js';
export { inShard, parseShard, shardOf } from './shard.js';
export type { TarballOptions } from './tarball-source.js';
export {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_REPOSITORY_BYTES,
  formatBytes,
  safePath,
  TarballError,
  TarballFileSource,
} from './tarball-source.js';
