import { randomUUID } from 'node:crypto';
import { type GitHubClient, isApiError } from '@plumbline/github';
import type { OrgDatabase, RunInfo, ScanRecord, ScanStatus } from './db/database.js';
import { type EnumerateOptions, headSha, listRepositories, type RepositoryRef } from './enumerate.js';
import { fetchTarball } from './fetch.js';
import { ScanPool } from './pool.js';
import { inShard, type Shard } from './shard.js';
import { TarballError, TarballFileSource } from './tarball-source.js';

export const DEFAULT_CONCURRENCY = 8;

export interface OrgScanOptions {
  client: GitHubClient;
  org: string;
  db: OrgDatabase;
  enumerate?: EnumerateOptions;
  shard?: Shard;
  /** Repositories downloaded at once (the network part). */
  concurrency?: number;
  /** Worker threads for the CPU part (default: one per core; 0 = inline unless `worker` is given). */
  workers?: number;
  /**
   * URL of the worker thread's module (default: this package's compiled worker.js). When given,
   * repositories always run on worker threads (at least one): a caller whose main thread cannot
   * `import()` the auditor (the CLI's bundle) names the worker module it ships.
   */
  worker?: string;
  /** Module URL exporting `auditRepository` (see scan.ts). */
  auditor: string;
  /** Settings handed to the auditor with every repository (plain data, e.g. whether to render charts). */
  auditorOptions?: Record<string, unknown>;
  orgConfig?: string;
  /** Hash of everything besides the commit that decides the findings (org config, presets). */
  configHash: string;
  toolVersion: string;
  /** Which archive entries are worth keeping (what the languages claim, and the config file). */
  keep: (path: string) => boolean;
  maxFileBytes?: number;
  maxRepositoryBytes?: number;
  /** Shards of one workflow run share this id, so their merged databases show one run. */
  runId?: string;
  now?: () => Date;
  onProgress?: (progress: OrgProgress) => void;
  /** Milliseconds before the one retry of a dropped download (default 1000; tests make it short). */
  redownloadDelayMs?: number;
}

export interface OrgProgress {
  total: number;
  done: number;
  failed: number;
  repository?: string;
  status?: ScanStatus;
}

export interface OrgScanOutcome {
  run: RunInfo;
  resumed: boolean;
  total: number;
  counts: Record<ScanStatus, number>;
  /** Repositories already recorded by the interrupted run this one continued. */
  alreadyDone: number;
}

/** The token was refused: the whole run stops (exit 2 in the CLI). */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/**
 * Scans every repository of the organisation (of this shard) and records each outcome in the
 * database as soon as it is known, so a killed run continues where it stopped.
 */
export async function scanOrganisation(options: OrgScanOptions): Promise<OrgScanOutcome> {
  const now = options.now ?? (() => new Date());
  const shardLabel = options.shard ? `${options.shard.index}/${options.shard.count}` : '1/1';
  let repositories: RepositoryRef[];
  try {
    repositories = (await listRepositories(options.client, options.org, options.enumerate)).filter((r) =>
      inShard(`${r.owner}/${r.name}`, options.shard),
    );
  } catch (error) {
    throw asAuthError(error) ?? error;
  }
  const { run, resumed } = options.db.openRun({
    org: options.org,
    shard: shardLabel,
    runId: options.runId,
    now: now().toISOString(),
    toolVersion: options.toolVersion,
    configHash: options.configHash,
    newId: () => `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`,
  });
  const recorded = options.db.recordedIn(run.id);
  const pending = repositories.filter((r) => !recorded.has(r.name));
  const counts: Record<ScanStatus, number> = { scanned: 0, unchanged: 0, failed: 0 };
  const progress: OrgProgress = { total: repositories.length, done: recorded.size, failed: 0 };
  options.onProgress?.({ ...progress });
  const pool = new ScanPool(options.workers, options.worker ? new URL(options.worker) : undefined);
  let next = 0;
  let stop: unknown;
  const lane = async () => {
    while (next < pending.length && stop === undefined) {
      const repo = pending[next++]!;
      try {
        const status = await scanOne(repo, run, options, pool, now);
        counts[status]++;
        progress.done++;
        if (status === 'failed') progress.failed++;
        options.onProgress?.({ ...progress, repository: repo.name, status });
      } catch (error) {
        // An auth failure (or a failing caller) stops every lane; what was recorded stays recorded.
        stop ??= error;
      }
    }
  };
  try {
    const lanes = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await pool.close();
  }
  if (stop !== undefined) throw stop;
  options.db.finishRun(run.id, shardLabel, now().toISOString());
  return { run, resumed, total: repositories.length, counts, alreadyDone: recorded.size };
}

async function scanOne(
  repo: RepositoryRef,
  run: RunInfo,
  options: OrgScanOptions,
  pool: ScanPool,
  now: () => Date,
): Promise<ScanStatus> {
  const info = {
    name: repo.name,
    defaultBranch: repo.defaultBranch,
    fork: repo.fork,
    archived: repo.archived,
  };
  const record = (fields: Pick<ScanRecord, 'headSha' | 'status'> & Partial<ScanRecord>): ScanRecord => ({
    runId: run.id,
    repository: repo.name,
    toolVersion: options.toolVersion,
    configHash: options.configHash,
    scannedAt: now().toISOString(),
    files: 0,
    errors: [],
    ...fields,
  });
  let sha: string | null = null;
  try {
    sha = await headSha(options.client, repo);
    const previous = options.db.lastSuccessfulScan(repo.name, run.id);
    if (
      previous !== undefined &&
      previous.headSha === sha &&
      previous.toolVersion === options.toolVersion &&
      previous.configHash === options.configHash
    ) {
      options.db.recordScan(
        record({ headSha: sha, status: 'unchanged', files: previous.files, errors: previous.errors }),
        info,
      );
      return 'unchanged';
    }
    const download = async () =>
      TarballFileSource.fromStream(await fetchTarball(options.client, repo, sha!), {
        keep: options.keep,
        maxFileBytes: options.maxFileBytes,
        maxRepositoryBytes: options.maxRepositoryBytes,
        name: repo.name,
      });
    // A dropped connection or a short archive (a cut connection can look like a clean end) is
    // worth one more try; a cap is not.
    const source = await download().catch(async (error: unknown) => {
      if (!isConnectionDrop(error)) throw error;
      await new Promise((r) => setTimeout(r, options.redownloadDelayMs ?? 1000));
      return download();
    });
    const output = await pool.run({
      repository: `${repo.owner}/${repo.name}`,
      files: source.entries(),
      refused: source.refused(),
      warnings: source.warnings,
      auditor: options.auditor,
      ...(options.orgConfig ? { orgConfig: options.orgConfig } : {}),
      ...(options.auditorOptions ? { auditorOptions: options.auditorOptions } : {}),
    });
    options.db.recordScan(
      record({ headSha: sha, status: 'scanned', files: output.files, errors: output.errors }),
      info,
      output.findings,
      output.rules,
    );
    return 'scanned';
  } catch (error) {
    const auth = asAuthError(error);
    if (auth) throw auth;
    options.db.recordScan(record({ headSha: sha, status: 'failed', reason: reasonOf(error) }), info);
    return 'failed';
  }
}

function isConnectionDrop(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${((error as Error)?.cause as Error | undefined)?.message ?? ''}`;
  return /ECONNRESET|EPIPE|socket hang up|other side closed|terminated|fetch failed|^truncated archive/i.test(
    text,
  );
}

function asAuthError(error: unknown): AuthError | undefined {
  if (isApiError(error) && error.status === 401)
    return new AuthError(
      'GitHub refused the credentials (401 Bad credentials): check GITHUB_TOKEN or the GitHub App id and key',
    );
  return undefined;
}

/** One line saying why a repository could not be scanned; never contains the token. */
export function reasonOf(error: unknown): string {
  if (error instanceof TarballError) return error.message;
  if (isApiError(error)) {
    const what: Record<number, string> = {
      403: 'forbidden',
      404: 'not found',
      409: 'empty repository',
      451: 'unavailable for legal reasons',
    };
    return `GitHub answered ${error.status} (${what[error.status] ?? (error.status >= 500 ? 'server error after retries' : 'error')}): ${firstLine(error.message)}`;
  }
  return firstLine((error as Error)?.message ?? String(error));
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
