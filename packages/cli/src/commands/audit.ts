import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  atLeast,
  createBaseline,
  debugTimeline,
  isSeverity,
  type RunResult,
  type Severity,
} from '@plumbline/core';
import type { DiskRenderCache } from '@plumbline/render';
import { FORMATS, type ReportFormat, renderReportChunks } from '@plumbline/reporters';
import { fixDiff, fixFindings } from '../fix.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Io, useColor } from '../io.js';
import { plainFsError } from '../node-errors.js';
import { progressLine } from '../progress.js';
import { renderCacheFor } from '../render-cache.js';
import { scanWithConfig } from '../scan.js';
import { resolveTargets } from '../targets.js';
import { UsageError } from '../usage-error.js';

export interface AuditFlags {
  format: string;
  output?: string;
  failOn?: string;
  config?: string;
  preset?: string[];
  baseline?: string;
  writeBaseline?: string | boolean;
  include?: string[];
  exclude?: string[];
  quiet?: boolean;
  color?: boolean;
  newSince?: string;
  fetch?: boolean;
  varFile?: string[];
  verbose?: boolean;
  helm?: string;
  render?: boolean;
  renderCache?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  threads?: string;
}

export const DEFAULT_BASELINE = '.plumbline-baseline.json';

export { UsageError } from '../usage-error.js';

/** `plumbline audit [paths..]`: scan, report, and turn the result into an exit code. */
export async function auditCommand(paths: string[], flags: AuditFlags, io: Io): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${flags.format}")`);
  }
  if (flags.failOn !== undefined && flags.failOn !== 'none' && !isSeverity(flags.failOn)) {
    throw new UsageError(
      `--fail-on must be a severity (critical, high, medium, low, info) or none (got "${flags.failOn}")`,
    );
  }
  if (
    flags.newSince !== undefined &&
    (flags.newSince.startsWith('-') || !/^[^\s\p{Cc}]+$/u.test(flags.newSince))
  )
    throw new UsageError(
      `--new-since ${JSON.stringify(flags.newSince)}: not a git revision (it may not start with "-")`,
    );
  const { root, paths: named } = resolveTargets(paths, io.cwd, (message) => {
    throw new UsageError(message);
  });
  // Where the report and the baseline go is checked before the scan, not after it.
  if (flags.output !== undefined) assertWritable('--output', resolve(io.cwd, flags.output));
  if (typeof flags.writeBaseline === 'string')
    assertWritable('--write-baseline', resolve(io.cwd, flags.writeBaseline));
  else if (flags.writeBaseline) assertWritable('--write-baseline', join(root, DEFAULT_BASELINE));
  if (flags.baseline !== undefined) assertReadableFile('--baseline', resolve(io.cwd, flags.baseline));
  if (flags.config !== undefined) assertReadableFile('--config', resolve(io.cwd, flags.config));
  const progress = progressLine(io, !flags.quiet);
  const base = root;
  const varFiles = (flags.varFile ?? []).map((file) => {
    const rel = relative(base, resolve(io.cwd, file)).split('\\').join('/');
    if (rel.startsWith('..') || !existsSync(resolve(io.cwd, file))) {
      throw new UsageError(`--var-file ${file}: must be an existing file inside the scanned directory`);
    }
    return rel;
  });
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new UsageError(`--threads ${flags.threads}: a whole number, 1 or more`);
  // One per command: the scans of --fix and --new-since reuse what the first scan rendered.
  const renderCache =
    flags.render === false ? undefined : renderCacheFor(io.env, flags.renderCache !== false);
  const scanOptions = {
    root,
    threads,
    paths: named,
    varFiles,
    helm: flags.helm ? resolve(io.cwd, flags.helm) : undefined,
    render: flags.render,
    renderCache,
    configPath: flags.config ? resolve(io.cwd, flags.config) : undefined,
    presets: flags.preset,
    include: flags.include,
    exclude: flags.exclude,
    baseline: flags.baseline ? resolve(io.cwd, flags.baseline) : undefined,
  };
  if ((flags.fix || flags.fixDryRun) && (flags.newSince || flags.writeBaseline))
    throw new UsageError('--fix and --fix-dry-run cannot be combined with --new-since or --write-baseline');
  const head = await scanWithConfig({ ...scanOptions, onFile: progress.onFile });
  const { config } = head;
  let result = head.result;
  if (flags.fix || flags.fixDryRun) {
    progress.done();
    const outcome = await fixFindings({
      base: statSync(root).isDirectory() ? root : dirname(root),
      root,
      initial: result,
      rescan: async (source) => (await scanWithConfig({ ...scanOptions, source })).result,
      write: flags.fix === true && !flags.fixDryRun,
    });
    for (const r of outcome.refused) io.stderr.write(`Not fixed: ${r.file}: ${r.reason}\n`);
    if (flags.fixDryRun) {
      io.stdout.write(fixDiff(outcome));
      io.stderr.write(
        `${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'} would change ${outcome.changed.size} file${outcome.changed.size === 1 ? '' : 's'} (dry run: nothing written).\n`,
      );
      return outcome.changed.size > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    io.stderr.write(
      `Fixed ${outcome.applied} finding${outcome.applied === 1 ? '' : 's'} in ${outcome.changed.size} file${outcome.changed.size === 1 ? '' : 's'}: ${[...outcome.changed.keys()].join(', ') || 'nothing to change'}.\n`,
    );
    result = outcome.result;
  }
  if (flags.newSince) {
    if (!statSync(root).isDirectory())
      throw new UsageError('--new-since needs a directory inside a git work tree');
    // Loaded only here: plain audits never load the GitHub/git package.
    const { newFindingsSince } = await import('@plumbline/github');
    const diff = await newFindingsSince({
      root,
      ref: flags.newSince,
      // No network unless asked: a missing base is a clear error, not a hung fetch.
      fetch: flags.fetch === true,
      head: head.result,
      scan: async (o) => (await scanWithConfig({ ...scanOptions, ...o })).result,
    }).catch((error: Error) => {
      throw new UsageError(`--new-since ${flags.newSince}: ${error.message.split('\n')[0]}`);
    });
    result = diff.result;
    if (!flags.quiet) {
      for (const note of diff.notes) io.stderr.write(`${note}\n`);
      io.stderr.write(
        `Compared with ${diff.baseCommit.slice(0, 12)}: ${diff.newFindings.length} new findings.\n`,
      );
    }
  }
  progress.done();
  pruneRenderCache(renderCache);
  if (result.summary.files === 0 && !result.errors.some((e) => e.file) && !flags.quiet) {
    io.stderr.write(
      `plumbline: no Dockerfile, Kubernetes manifest, GitHub workflow or Terraform file found in ${(paths.length ? paths : ['.']).join(', ')}\n`,
    );
  }

  const format = flags.format as ReportFormat;
  const toFile = flags.output !== undefined;
  const color = !toFile && flags.color !== false && useColor(io, io.stdout);
  if (flags.writeBaseline) return writeBaseline(flags.writeBaseline, root, result, io);
  // Written piece by piece: a large JSON report is never held whole (see renderJsonChunks).
  const report = renderReportChunks(format, result, { color, quiet: flags.quiet, verbose: flags.verbose });
  if (toFile) {
    const fd = openSync(resolve(io.cwd, flags.output!), 'w');
    try {
      for (const chunk of report) writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
    if (!flags.quiet) io.stderr.write(`${summaryLine(result)}\nReport written to ${flags.output}\n`);
  } else {
    let last = '';
    for (const chunk of report) {
      // A pipe takes the report as fast as the reader reads: wait for it rather than queue it all.
      if (io.stdout.write(chunk) === false && io.stdout.once) {
        const stdout = io.stdout;
        await new Promise<void>((done) => stdout.once?.('drain', done));
      }
      if (chunk) last = chunk;
    }
    if (!last.endsWith('\n')) io.stdout.write('\n');
  }

  debugTimeline('report written');
  const failOn = (flags.failOn ?? config.failOn ?? 'high') as Severity | 'none';
  return failingFindings(result, failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** After the scans: the cache's old entries go (see DiskRenderCache.prune). */
function pruneRenderCache(cache: DiskRenderCache | undefined): void {
  if (!cache) return;
  const removed = cache.prune();
  if (process.env.PLUMBLINE_POOL_DEBUG) {
    const { hits, misses, written } = cache.stats;
    process.stderr.write(
      `plumbline render cache: ${hits} hits, ${misses} misses, ${written} written, ${removed} pruned (${cache.folder})\n`,
    );
  }
}

/** Writes all of `text` (one `write` may take only part of it). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** Fails before the scan when `path` cannot be written: a folder, a missing folder, no permission. */
function assertWritable(flag: string, path: string): void {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info?.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory; give a file name`);
  const dir = dirname(path);
  const parent = statSync(dir, { throwIfNoEntry: false });
  if (!parent?.isDirectory()) throw new UsageError(`${flag} ${path}: the folder ${dir} does not exist`);
  try {
    accessSync(info ? path : dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${plainFsError(error)}`);
  }
}

function assertReadableFile(flag: string, path: string): void {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`${flag} ${path}: no such file`);
  if (info.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory; give a file`);
}

/** `--write-baseline`: accept every current finding; the report itself is not printed. */
function writeBaseline(target: string | boolean, root: string, result: RunResult, io: Io): number {
  const base = statSync(root).isDirectory() ? root : dirname(root);
  const path = typeof target === 'string' ? resolve(io.cwd, target) : join(base, DEFAULT_BASELINE);
  writeFileSync(path, `${JSON.stringify(createBaseline(result.findings), null, 2)}\n`);
  io.stderr.write(
    `Baseline of ${result.summary.findings} findings written to ${relative(io.cwd, path) || path}\n`,
  );
  return EXIT_OK;
}

export function failingFindings(result: RunResult, failOn: Severity | 'none'): number {
  if (failOn === 'none') return 0;
  return result.findings.filter((f) => !f.suppressed && atLeast(f.severity, failOn)).length;
}

function summaryLine(result: RunResult): string {
  const s = result.summary;
  return `${s.findings} findings in ${s.files} files (${s.suppressed} suppressed)`;
}

export { EXIT_USAGE };
