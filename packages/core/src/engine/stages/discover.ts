import type { SourceEntry } from '../file-source.js';
import { globMatcher } from '../globs.js';
import type { AuditRun } from './run-context.js';

/**
 * The "discover" stage: every entry the FileSource lists, minus config `ignore`, `--exclude`, and
 * what `--include` leaves out. Nothing is read yet.
 */
export async function discoverEntries(run: AuditRun): Promise<SourceEntry[]> {
  const { options, config } = run;
  const skip = globMatcher([...config.ignore, ...(options.exclude ?? [])]);
  const include = options.include?.length ? globMatcher(options.include) : () => true;
  const entries: SourceEntry[] = [];
  for await (const entry of options.source.list()) {
    if (!skip(entry.path) && include(entry.path)) entries.push(entry);
  }
  return entries;
}
