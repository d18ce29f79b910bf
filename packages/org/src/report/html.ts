import { compareText, SEVERITIES, type Severity } from '@plumbline/core';
import { groupedColumns, horizontalBars, stackedColumns } from './charts.js';
import type { ReportData } from './model.js';

const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#7b1fa2',
  high: '#d32f2f',
  medium: '#f57c00',
  low: '#fbc02d',
  info: '#90a4ae',
};

/** Rows in the searchable table; past this the page says how many were left out (results.json has all). */
export const MAX_TABLE_ROWS = 20_000;

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** index.html: one self-contained page (inline styles, inline SVG, one inline script for search). */
export function renderDashboard(data: ReportData, options: { top?: number } = {}): string {
  const top = options.top ?? 15;
  const labels = data.history.map((h) => h.at.slice(0, 10));
  const severityTrend = stackedColumns(
    'severity-trend',
    'Open findings by severity, per run',
    labels,
    SEVERITIES.map((s) => ({
      name: s,
      colour: SEVERITY_COLOURS[s],
      values: data.history.map((h) => h.bySeverity[s]),
    })),
  );
  const newFixed = groupedColumns('new-vs-fixed', 'New and fixed findings, per run', labels, [
    { name: 'new', colour: '#d32f2f', values: data.history.map((h) => h.new) },
    { name: 'fixed', colour: '#388e3c', values: data.history.map((h) => h.fixed) },
  ]);
  const ruleCounts = new Map<string, number>();
  for (const f of data.findings) ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
  const topRules = horizontalBars(
    'top-rules',
    'Rules with the most open findings',
    [...ruleCounts]
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
      .slice(0, top)
      .map(([label, value]) => ({ label, value })),
    '#1976d2',
  );
  const worst = horizontalBars(
    'worst-repositories',
    'Repositories with the most open findings',
    [...data.repositories]
      .filter((r) => r.findings > 0)
      .sort((a, b) => b.findings - a.findings || compareText(a.name, b.name))
      .slice(0, top)
      .map((r) => ({ label: r.name, value: r.findings })),
    '#c62828',
  );
  const count = (s: string) => data.repositories.filter((r) => r.status === s).length;
  const failed = data.repositories.filter((r) => r.status === 'failed');
  const rows = data.findings
    .slice(0, MAX_TABLE_ROWS)
    .map(
      (f) =>
        `<tr><td>${esc(f.repository)}</td><td class="sev-${f.severity}">${f.severity}</td><td>${esc(f.ruleId)}</td><td>${esc(f.file)}:${f.startLine}</td><td>${esc(f.message)}</td><td>${esc(f.firstSeenAt.slice(0, 10))}</td></tr>`,
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Plumbline: ${esc(data.org)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; }
.tile { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.tile b { display: block; font-size: 22px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid #eee; border-radius: 6px; padding: 8px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; border-bottom: 1px solid #eee; padding: 3px 6px; vertical-align: top; }
.sev-critical { color: #7b1fa2; font-weight: 600; } .sev-high { color: #d32f2f; font-weight: 600; }
.sev-medium { color: #e65100; } input { padding: 4px 8px; width: 320px; }
</style>
</head>
<body>
<h1>Plumbline: ${esc(data.org)}</h1>
<p>Run <code>${esc(data.runId)}</code> at ${esc(data.runAt)} (Plumbline ${esc(data.toolVersion)})</p>
<div class="tiles">
<div class="tile" id="tile-repositories"><b>${data.repositories.length}</b>repositories</div>
<div class="tile"><b>${count('scanned')}</b>scanned</div>
<div class="tile"><b>${count('unchanged')}</b>unchanged</div>
<div class="tile"><b>${count('failed')}</b>failed</div>
<div class="tile" id="tile-findings"><b>${data.findings.length}</b>open findings</div>
<div class="tile"><b>${data.newThisRun.length}</b>new this run</div>
<div class="tile"><b>${data.fixedThisRun.length}</b>fixed this run</div>
<div class="tile"><b>${data.meanDaysToFix ?? '–'}</b>mean days to fix</div>
</div>
<h2>Trends</h2>
<div class="charts">
${severityTrend}
${newFixed}
${topRules}
${worst}
</div>
<h2>Repositories that could not be scanned (${failed.length})</h2>
<table id="failed"><thead><tr><th>repository</th><th>reason</th></tr></thead><tbody>
${failed.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.reason ?? '')}</td></tr>`).join('\n')}
</tbody></table>
<h2>Findings</h2>
<p><input id="search" type="search" placeholder="Filter: repository, rule, file, severity…" aria-label="Filter findings"> <span id="shown">${rows.length}</span> shown${data.findings.length > rows.length ? ` (first ${rows.length} of ${data.findings.length}; results.json has all)` : ''}</p>
<table id="findings"><thead><tr><th>repository</th><th>severity</th><th>rule</th><th>location</th><th>message</th><th>first seen</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<script>
(function () {
  var input = document.getElementById('search');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var shown = document.getElementById('shown');
  function filter() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !match;
      if (match) n++;
    });
    shown.textContent = String(n);
  }
  input.addEventListener('input', filter);
  // A link can carry a filter: index.html#q=payments%20high
  if (location.hash.indexOf('#q=') === 0) {
    input.value = decodeURIComponent(location.hash.slice(3));
    filter();
  }
})();
</script>
</body>
</html>
`;
}
