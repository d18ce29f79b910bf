import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDashboard } from './html.js';
import type { ReportData } from './model.js';
import { renderResults } from './results.js';
import { renderSarifFiles } from './sarif.js';
import { renderSummary } from './summary.js';

/** Writes results.json, summary.md, index.html and sarif/<repo>.sarif into `out`. */
export function writeReport(data: ReportData, out: string): string[] {
  mkdirSync(join(out, 'sarif'), { recursive: true });
  const written: string[] = [];
  const put = (name: string, text: string) => {
    writeFileSync(join(out, name), text);
    written.push(name);
  };
  put('results.json', renderResults(data));
  put('summary.md', renderSummary(data));
  put('index.html', renderDashboard(data));
  for (const [name, text] of renderSarifFiles(data)) put(`sarif/${name}`, text);
  return written;
}
