import type { FileSource, Finding, RunResult, Severity } from '@plumbline/core';
import { DiskFileSource, SEVERITIES } from '@plumbline/core';
import {
  assertRevision,
  ensureCommit,
  GitFileSource,
  mergeBase,
  type RepoLayout,
  renamesSince,
  repoLayout,
  resolveCommit,
} from './git.js';

/** The scan to run twice: the CLI's `scan()` with everything but the file source fixed. */
export type ScanFunction = (options: { root: string; source?: FileSource }) => Promise<RunResult>;

export interface NewFindingsOptions {
  /** The scanned directory (inside a git work tree); its files on disk are the head side. */
  root: string;
  /** What to compare with: a branch, tag or commit (`origin/main`, a SHA). */
  ref: string;
  scan: ScanFunction;
  /**
   * Compare with the merge base of `ref` and HEAD (default), as a pull request's diff does, so what
   * landed on `ref` after the branch point is not counted. `false` compares with `ref` itself.
   */
  mergeBase?: boolean;
  /**
   * Fetch `ref` from the remote when the clone lacks it (default true: the Action's shallow
   * checkouts need it). The CLI passes false unless `--fetch` is given, so `audit` never uses the
   * network on its own.
   */
  fetch?: boolean;
  /** A head scan already made (the Action reuses it for SARIF). */
  head?: RunResult;
  /** `repoLayout(root)`, when the caller has it already. */
  layout?: RepoLayout;
}

export interface NewFindingsResult {
  /** The commit the head was compared with. */
  baseCommit: string;
  head: RunResult;
  base: RunResult;
  /** Unsuppressed head findings whose fingerprint the base lacks, in report order. */
  newFindings: Finding[];
  /** The head result restricted to the new findings (summary recounted): what reporters render. */
  result: RunResult;
  /** Things the user should know (a fallback taken). */
  notes: string[];
}

/**
 * New findings = head fingerprints minus base fingerprints. The base is the same scan over the
 * base commit's files read from git (no checkout); renamed files are listed under their new names,
 * so their findings keep their fingerprints. Fingerprints never include line numbers, so edits
 * above a finding do not make it new.
 */
export async function newFindingsSince(options: NewFindingsOptions): Promise<NewFindingsResult> {
  const notes: string[] = [];
  const { topLevel, prefix } = options.layout ?? (await repoLayout(options.root));
  assertRevision(options.ref);
  let baseCommit: string;
  if (options.fetch === false) {
    // No network unless asked: the base must already be in the clone.
    const local = await resolveCommit(topLevel, options.ref);
    if (!local)
      throw new Error(
        `${options.ref} is not a commit in this clone; fetch it first (git fetch origin ${options.ref}) or pass --fetch`,
      );
    baseCommit = local;
  } else baseCommit = await ensureCommit(topLevel, options.ref);
  if (options.mergeBase !== false) {
    const base = await mergeBase(topLevel, baseCommit, 'HEAD');
    if (base) baseCommit = base;
    else
      notes.push(
        `No merge base of ${options.ref} and HEAD (shallow clone?): compared with ${options.ref} itself.`,
      );
  }
  const renames = await renamesSince(topLevel, baseCommit);
  const head = options.head ?? (await options.scan({ root: options.root }));
  // `.terraform/` comes from the work tree: the base is evaluated with the modules the head was.
  const source = new GitFileSource({
    cwd: topLevel,
    commit: baseCommit,
    prefix,
    renames,
    name: head.root,
    environment: new DiskFileSource(options.root),
  });
  let base: RunResult;
  try {
    base = await options.scan({ root: options.root, source });
  } finally {
    source.close();
  }
  const newFindings = diffFindings(head, base);
  return { baseCommit, head, base, newFindings, result: restrictTo(head, newFindings), notes };
}

/** Unsuppressed findings of `head` whose fingerprint is not among the unsuppressed findings of `base`. */
export function diffFindings(head: RunResult, base: RunResult): Finding[] {
  // A finding suppressed on the base but no longer suppressed on the head is newly exposed: new.
  const known = new Set(base.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  return head.findings.filter((f) => !f.suppressed && !known.has(f.fingerprint));
}

/** A copy of `result` holding only `findings`, with the summary counted again. */
export function restrictTo(result: RunResult, findings: readonly Finding[]): RunResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else bySeverity[f.severity]++;
  }
  return {
    ...result,
    findings: [...findings],
    summary: { ...result.summary, findings: findings.length - suppressed, suppressed, bySeverity },
  };
}
