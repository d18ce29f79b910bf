import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareText } from '@plumbline/core';
import { createGitHubClient, isApiError } from '@plumbline/github';
import {
  AuthError,
  appInstallationToken,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_REPOSITORY_BYTES,
  loadReport,
  mergeDatabases,
  OrgDatabase,
  type OrgProgress,
  parseShard,
  publishResults,
  scanOrganisation,
  writeReport,
} from '@plumbline/org';
import type { DiskRenderCache } from '@plumbline/render';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { chooseOrgScanJitBudget } from '../jit-budget.js';
import { keepForOrgScan, loadOrgBaseline, type OrgAuditorOptions } from '../org-auditor.js';
import { TOOL, VERSION } from '../paths.js';
import { createRegistry } from '../registry.js';
import { renderCacheFor } from '../render-cache.js';
import { orgWorkerFiles } from '../worker-files.js';
import { UsageError } from './audit.js';

export const DEFAULT_DB = 'plumbline-org.db';
export const DEFAULT_OUT = 'plumbline-org';

export interface OrgScanFlags {
  apiUrl?: string;
  db?: string;
  out?: string;
  concurrency?: string;
  shard?: string;
  includeForks?: boolean;
  includeArchived?: boolean;
  repo?: string[];
  excludeRepo?: string[];
  config?: string;
  runId?: string;
  workers?: string;
  maxFileBytes?: string;
  maxRepoBytes?: string;
  appId?: string;
  appPrivateKeyFile?: string;
  progress?: boolean;
  uploadSarif?: boolean;
  openIssues?: boolean;
  /** Commander's `--no-render` sets this to false. */
  render?: boolean;
  helm?: string;
  /** Commander's `--no-render-cache` sets this to false. */
  renderCache?: boolean;
}

function auditorOptions(
  flags: OrgScanFlags,
  io: Io,
  renderCache: DiskRenderCache | undefined,
): OrgAuditorOptions {
  if (flags.render === false) return { render: false };
  return {
    render: true,
    ...(flags.helm ? { helm: resolve(io.cwd, flags.helm) } : {}),
    ...(renderCache ? { renderCache: renderCache.folder } : {}),
  };
}

const positive = (name: string, value: string | undefined, fallback: number, min = 1): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min} (got "${value}")`);
  return n;
};

/** `plumbline org scan <org>`: exit 0 when the run completed (failed repositories are in the report). */
export async function orgScanCommand(org: string, flags: OrgScanFlags, io: Io): Promise<number> {
  const apiUrl = (flags.apiUrl ?? io.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const shard = flags.shard ? parseShardOrUsage(flags.shard) : undefined;
  const concurrency = positive('--concurrency', flags.concurrency, DEFAULT_CONCURRENCY);
  const workers = flags.workers === undefined ? undefined : positive('--workers', flags.workers, 0, 0);
  // Before the packs load (the baseline below imports them): their code runs under it from the start.
  chooseOrgScanJitBudget(workers);
  const maxFileBytes = positive('--max-file-bytes', flags.maxFileBytes, DEFAULT_MAX_FILE_BYTES);
  const maxRepositoryBytes = positive('--max-repo-bytes', flags.maxRepoBytes, DEFAULT_MAX_REPOSITORY_BYTES);
  const orgConfig = flags.config ? resolve(io.cwd, flags.config) : undefined;
  if (orgConfig && !existsSync(orgConfig)) throw new UsageError(`config file not found: ${flags.config}`);
  // The effective baseline decides findings as much as the commit does: its hash is part of "unchanged".
  const baseline = loadOrgBaseline(orgConfig, await createRegistry());
  const configHash = createHash('sha256')
    .update(
      JSON.stringify({
        rules: [...baseline.rules].sort(([a], [b]) => compareText(a, b)),
        ignore: baseline.ignore,
        exceptions: baseline.exceptions.map(({ source: _s, ...e }) => e),
        maxFileSize: baseline.maxFileSize,
        maxFileBytes,
        maxRepositoryBytes,
        render: flags.render !== false,
      }),
    )
    .digest('hex')
    .slice(0, 16);

  let token = io.env.GITHUB_TOKEN;
  if (flags.appId || flags.appPrivateKeyFile) {
    if (!flags.appId || !flags.appPrivateKeyFile)
      throw new UsageError('a GitHub App needs both --app-id and --app-private-key-file');
    try {
      token = await appInstallationToken({
        appId: flags.appId,
        privateKey: readFileSync(resolve(io.cwd, flags.appPrivateKeyFile), 'utf8'),
        org,
        baseUrl: apiUrl,
      });
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 404)) {
        io.stderr.write(
          `plumbline: the GitHub App could not get an installation token for ${org} (${error.status}): check the App id, its key and that it is installed on the organisation\n`,
        );
        return EXIT_USAGE;
      }
      throw error;
    }
  }
  if (!token) throw new UsageError('set GITHUB_TOKEN, or pass --app-id and --app-private-key-file');

  // As in the Action, PLUMBLINE_GITHUB_PACE=none is for tests against a local fake GitHub: no write
  // pacing, a second of retry-after counted in milliseconds, a dropped download retried at once.
  const unpaced = io.env.PLUMBLINE_GITHUB_PACE === 'none';
  const client = createGitHubClient({
    token,
    baseUrl: apiUrl,
    ...(unpaced ? { pace: 'none' as const } : {}),
    userAgent: `plumbline/${VERSION}`,
    log: { debug() {}, info() {}, warn: (m) => io.stderr.write(`plumbline: ${m}\n`), error() {} },
  });
  const db = new OrgDatabase(resolve(io.cwd, flags.db ?? DEFAULT_DB));
  const progress = progressReporter(io, flags.progress !== false);
  // The bundle's main thread cannot import() the auditor: it names its worker, which always runs.
  const orgFiles = orgWorkerFiles();
  // Shared by every worker and every night's run: a changed repository's unchanged charts are not
  // rendered again (the auditors write, this thread prunes at the end).
  const renderCache =
    flags.render === false ? undefined : renderCacheFor(io.env, flags.renderCache !== false);
  try {
    const outcome = await scanOrganisation({
      client,
      org,
      db,
      enumerate: {
        includeForks: flags.includeForks,
        includeArchived: flags.includeArchived,
        repo: flags.repo,
        excludeRepo: flags.excludeRepo,
      },
      shard,
      concurrency,
      workers,
      ...(orgFiles.worker ? { worker: orgFiles.worker.href } : {}),
      auditor: orgFiles.auditor.href,
      auditorOptions: auditorOptions(flags, io, renderCache),
      orgConfig,
      configHash,
      toolVersion: TOOL.version,
      keep: keepForOrgScan,
      maxFileBytes,
      maxRepositoryBytes,
      runId: flags.runId,
      onProgress: progress.update,
      ...(unpaced ? { redownloadDelayMs: 5 } : {}),
    });
    progress.done();
    const out = resolve(io.cwd, flags.out ?? DEFAULT_OUT);
    const report = loadReport(db, outcome.run.id);
    writeReport(report, out);
    const { scanned, unchanged, failed } = outcome.counts;
    io.stdout.write(
      `${org}: ${outcome.total} repositories${shard ? ` in shard ${shard.index}/${shard.count}` : ''}: ` +
        `${scanned} scanned, ${unchanged} unchanged, ${failed} failed` +
        `${outcome.resumed ? `, ${outcome.alreadyDone} done before the run was interrupted` : ''}` +
        ` (run ${outcome.run.id}); report in ${flags.out ?? DEFAULT_OUT}/\n`,
    );
    if (flags.uploadSarif || flags.openIssues) {
      const published = await publishResults(client, report, {
        owner: org,
        uploadSarif: flags.uploadSarif,
        openIssues: flags.openIssues,
        onNote: (m) => io.stderr.write(`plumbline: ${m}\n`),
      });
      const parts = [];
      if (flags.uploadSarif) parts.push(`${published.sarifUploaded} SARIF uploads`);
      if (flags.openIssues)
        parts.push(
          `tracking issues: ${published.issuesOpened} opened, ${published.issuesUpdated} updated, ${published.issuesClosed} closed`,
        );
      if (published.errors.length)
        parts.push(`${published.errors.length} repositories could not be published to`);
      io.stdout.write(`${parts.join('; ')}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    progress.done();
    if (error instanceof AuthError) {
      io.stderr.write(`plumbline: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isApiError(error) && error.status === 404) {
      io.stderr.write(`plumbline: organisation ${org} not found, or not visible to this token (404)\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    db.close();
    renderCache?.prune();
  }
}

/** `plumbline org merge <db>... --db <merged>` */
export function orgMergeCommand(sources: string[], flags: { db?: string }, io: Io): number {
  if (!flags.db) throw new UsageError('org merge needs --db <merged>');
  const files = sources.map((s) => resolve(io.cwd, s));
  for (const [i, file] of files.entries())
    if (!existsSync(file)) throw new UsageError(`database not found: ${sources[i]}`);
  const target = resolve(io.cwd, flags.db);
  if (files.includes(target)) throw new UsageError('--db must not be one of the databases being merged');
  const merged = mergeDatabases(target, files);
  io.stdout.write(
    `merged ${files.length} database${files.length === 1 ? '' : 's'} into ${flags.db}: ${merged.runs} runs, ${merged.repositories} repositories\n`,
  );
  return EXIT_OK;
}

/** `plumbline org report --db <file> --out <dir>` (the latest run, or `--run <id>`). */
export function orgReportCommand(flags: { db?: string; out?: string; run?: string }, io: Io): number {
  const file = resolve(io.cwd, flags.db ?? DEFAULT_DB);
  if (!existsSync(file)) throw new UsageError(`database not found: ${flags.db ?? DEFAULT_DB}`);
  const db = new OrgDatabase(file);
  try {
    const data = loadReport(db, flags.run);
    const written = writeReport(data, resolve(io.cwd, flags.out ?? DEFAULT_OUT));
    io.stdout.write(
      `${data.org}: run ${data.runId}, ${data.repositories.length} repositories, ${data.findings.length} open findings; wrote ${written.length} files to ${flags.out ?? DEFAULT_OUT}/\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (/no run|holds no run/.test((error as Error).message)) throw new UsageError((error as Error).message);
    throw error;
  } finally {
    db.close();
  }
}

function parseShardOrUsage(text: string) {
  try {
    return parseShard(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** One live line on a terminal; a line every 10% otherwise (CI logs), never per repository. */
function progressReporter(io: Io, enabled: boolean) {
  let shown = false;
  let lastDecile = -1;
  return {
    update(p: OrgProgress) {
      if (!enabled || p.total === 0) return;
      const text = `${p.done}/${p.total} repositories, ${p.failed} failed`;
      if (io.stderr.isTTY) {
        shown = true;
        io.stderr.write(`\r\u001b[2K${text}`);
        return;
      }
      const decile = Math.floor((p.done / p.total) * 10);
      if (decile !== lastDecile && p.repository) {
        lastDecile = decile;
        io.stderr.write(`${text}\n`);
      }
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
