import type { SourceEntry } from '@plumbline/core';
import { baseName, dirOf, isUnder, relativeTo } from '../paths.js';

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
export function discoverCharts(entries: readonly SourceEntry[]): ChartUnit[] {
  const dirs = entries
    .filter((e) => baseName(e.path) === 'Chart.yaml')
    .map((e) => dirOf(e.path))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  const charts: string[] = [];
  for (const dir of dirs) {
    const parent = charts.find((c) => isUnder(dir, c) && relativeTo(dir, c).startsWith('charts/'));
    if (!parent) charts.push(dir);
  }
  return charts.map((dir) => {
    const files = entries.filter((e) => isUnder(e.path, dir) && e.path !== dir);
    const own = (rel: string) =>
      !charts.some(
        (other) => other !== dir && other.length > dir.length && isUnder(dir ? `${dir}/${rel}` : rel, other),
      );
    const valuesFiles = files
      .map((e) => relativeTo(e.path, dir))
      .filter(
        (rel) =>
          own(rel) &&
          ((VALUES_FILE.test(rel) && !/^values\.ya?ml$/i.test(rel)) || /^values\/[^/]+\.ya?ml$/i.test(rel)),
      )
      .sort();
    return {
      dir,
      files: files.filter((e) => own(relativeTo(e.path, dir))),
      valuesFiles,
      hasTemplates: files.some((e) => /(^|\/)templates\//.test(relativeTo(e.path, dir))),
    };
  });
}
