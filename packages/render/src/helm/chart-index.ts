import type { SourceEntry } from '@plumbline/core';
import { baseName, dirOf } from '../paths.js';

/**
 * The chart folders of a scan (every folder with a `Chart.yaml`) and the files under each, built
 * in one pass over the listing. Discovery and local dependencies ask for "the files under this
 * chart" once per chart and per dependency: a search of the whole listing each time cost seconds
 * of the main thread on the corpus (~500 charts, 16,000 files).
 */
export class ChartIndex {
  /** Chart folders in listing order. */
  readonly dirs: string[];
  private readonly under = new Map<string, SourceEntry[]>();

  constructor(entries: readonly SourceEntry[]) {
    this.dirs = entries.filter((e) => baseName(e.path) === 'Chart.yaml').map((e) => dirOf(e.path));
    for (const dir of this.dirs) this.under.set(dir, []);
    for (const entry of entries) for (const dir of ancestorsOf(entry.path)) this.under.get(dir)?.push(entry);
  }

  isChart(dir: string): boolean {
    return this.under.has(dir);
  }

  /** The files under a chart folder, in listing order (subcharts' and nested charts' included). */
  filesUnder(dir: string): readonly SourceEntry[] {
    return this.under.get(dir) ?? [];
  }
}

/** The folders holding `path`, innermost first, ending with the root (`''`). */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) out.push(path.slice(0, i));
  out.push('');
  return out;
}
