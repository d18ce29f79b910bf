import type { SourceEntry } from '@plumbline/core';
import { compareText } from '@plumbline/core';
import { relativeTo } from '../paths.js';
import { ancestorsOf, type ChartIndex } from './chart-index.js';

/** One chart to render: its folder and every file under it (subcharts in `charts/` included). */
export interface ChartUnit {
  dir: string;
  files: SourceEntry[];
  /** Values files of the chart folder besides values.yaml (`values-prod.yaml`, `values/*.yaml`). */
  valuesFiles: string[];
  /** Does it have templates at all (a values.yaml pulled alongside a registry chart has none)? */
  hasTemplates: boolean;
}

const VALUES_FILE = /^values[-._][^/]+\.ya?ml$/i;

/** Chart folders (a `Chart.yaml`), except subcharts, which render with their parent. */
export function discoverCharts(index: ChartIndex): ChartUnit[] {
  const dirs = [...index.dirs].sort((a, b) => a.length - b.length || compareText(a, b));
  const charts: string[] = [];
  const kept = new Set<string>();
  for (const dir of dirs) {
    const subchart = ancestorsOf(dir).some((c) => kept.has(c) && relativeTo(dir, c).startsWith('charts/'));
    if (subchart) continue;
    charts.push(dir);
    kept.add(dir);
  }
  // A file belongs to the innermost chart holding it: a chart nested elsewhere than `charts/`
  // renders on its own, and its files are not its parent's.
  const ownerOf = (path: string) => ancestorsOf(path).find((dir) => kept.has(dir));
  return charts.map((dir) => {
    const files = index.filesUnder(dir);
    const own = files.filter((e) => ownerOf(e.path) === dir);
    const valuesFiles = own
      .map((e) => relativeTo(e.path, dir))
      .filter(
        (rel) =>
          (VALUES_FILE.test(rel) && !/^values\.ya?ml$/i.test(rel)) || /^values\/[^/]+\.ya?ml$/i.test(rel),
      )
      .sort();
    return {
      dir,
      files: own,
      valuesFiles,
      hasTemplates: files.some((e) => /(^|\/)templates\//.test(relativeTo(e.path, dir))),
    };
  });
}
