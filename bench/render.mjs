#!/usr/bin/env node
// Rendering cost over a folder (default: ../shared/corpus): the same scan with and without the
// render stage, the time each renderer took (Helm processes are the expensive part), units
// rendered/failed/skipped, and how many Helm templates were still skipped.
// Usage: PLUMBLINE_HELM=.tools/helm/helm node bench/render.mjs [dir] [--render-only]
// Build first (npm run build). Prints a small table and one JSON line.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { scan } from '@plumbline/cli';

const args = process.argv.slice(2);
const renderOnly = args.includes('--render-only');
const dir = resolve(
  args.find((a) => !a.startsWith('--')) ?? new URL('../../shared/corpus', import.meta.url).pathname,
);
statSync(dir);

async function run(render) {
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t = performance.now();
  const result = await scan({ root: dir, render });
  const ms = performance.now() - t;
  clearInterval(sample);
  const skippedTemplates = result.errors.filter(
    (e) => e.kind === 'skipped' && /Helm\/Go template/.test(e.message),
  ).length;
  return {
    render,
    seconds: +(ms / 1000).toFixed(1),
    files: result.summary.files,
    findings: result.summary.findings,
    renderErrors: result.findings.filter((f) => f.ruleId === 'core/render-error').length,
    skippedTemplates,
    rendering: result.summary.rendering ?? {},
    peakRssMB: Math.round(peak / 1024 / 1024),
  };
}

const on = await run(true);
const off = renderOnly ? undefined : await run(false);
const unit = (r, id) => {
  const s = r.rendering[id];
  return s
    ? `${s.rendered} ok / ${s.failed} failed / ${s.skipped} skipped, ${(s.durationMs / 1000).toFixed(1)} s`
    : '-';
};
const rows = [
  ['', 'render', 'no render'],
  ['seconds (whole scan)', on.seconds, off?.seconds ?? ''],
  ['Helm charts', unit(on, 'helm'), ''],
  ['kustomizations', unit(on, 'kustomize'), ''],
  ['files parsed (rendered included)', on.files, off?.files ?? ''],
  ['Helm templates skipped', on.skippedTemplates, off?.skippedTemplates ?? ''],
  ['render errors (findings)', on.renderErrors, ''],
  ['findings', on.findings, off?.findings ?? ''],
  ['peak RSS MB', on.peakRssMB, off?.peakRssMB ?? ''],
];
for (const r of rows) console.log(`${String(r[0]).padEnd(34)} ${String(r[1]).padEnd(48)} ${r[2]}`);
console.log(JSON.stringify({ dir, on, off }));
