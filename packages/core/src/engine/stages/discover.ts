import type { SourceEntry } from '../file-source.js';
import { globMatcher } from '../globs.js';
import type { AuditRun } from './run-context.js';

/**
 * The "discover" stage: every entry the FileSource lists, minus config `ignore`, `--exclude`, and
 * what `--include` leaves out. Nothing is read yet.
 */
export async function discoverEntries(run: AuditRun): Promise<SourceEntry[]> {
  const { options, config } = run;
  const scanned = scannedPaths({ ignore: config.ignore, exclude: options.exclude, include: options.include });
  const entries: SourceEntry[] = [];
  for await (const entry of options.source.list()) {
    if (scanned(entry.path)) entries.push(entry);
  }
  return entries;
}

/** What leaves listed files out of a scan: config `ignore`, `--exclude`, `--include`. */
export interface ScanScope {
  ignore?: readonly string[];
  exclude?: readonly string[];
  include?: readonly string[];
}

/**
 * Whether a listed path is part of the scan. The CLI asks before the engine runs, for what it
 * reads first (the admission policies of the scan, the languages to load), with the same answer.
 */
export function scannedPaths({ ignore = [], exclude = [], include }: ScanScope): (path: string) => boolean {
  const skip = globMatcher([...ignore, ...exclude]);
  const kept = include?.length ? globMatcher(include) : () => true;
  return (path) => !skip(path) && kept(path);
}
