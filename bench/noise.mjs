#!/usr/bin/env node
// How noisy is a default scan? Scans every repository of ../shared/corpus with the default policy
// (the `recommended` preset, as `plumbline audit` does without a config), one repository at a time,
// and prints: findings per file (median, p90, max), the share of findings that sit on a line
// carrying two or more findings, the top rules by count, severity counts and parse errors.
// Writes every finding to bench/out/noise-findings.jsonl for sampling.
// Usage: npm run build && node bench/noise.mjs [corpus dir] [--only repo-substring] [--top N] [--json]
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '@plumbline/cli';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flagValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const only = flagValue('--only');
const top = Number(flagValue('--top') ?? 25);
const corpus = resolve(
  args.find((a, i) => !a.startsWith('--') && !['--only', '--top'].includes(args[i - 1])) ??
    join(here, '..', '..', '..', 'shared', 'corpus'),
);

const repos = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory() && (!only || d.includes(only)))
  .sort();
const findings = [];
const errorsByKind = new Map();
let files = 0;
const started = performance.now();
for (const repo of repos) {
  const result = await scan({ root: join(corpus, repo) });
  files += result.summary.files;
  for (const e of result.errors) errorsByKind.set(e.kind, (errorsByKind.get(e.kind) ?? 0) + 1);
  // Suppressed findings are shown to nobody by default: count what a reviewer would read.
  for (const f of result.findings) if (!f.suppressed) findings.push({ repo, ...f });
  process.stderr.write(`${repo}: ${result.findings.length} findings\n`);
}

const count = (items, key) => {
  const map = new Map();
  for (const item of items) {
    const k = key(item);
    map.set(k, (map.get(k) ?? 0) + 1);
  }
  return map;
};
const quantile = (sorted, q) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const perFile = [...count(findings, (f) => `${f.repo}/${f.file}`).values()].sort((a, b) => a - b);
const perLine = count(findings, (f) => `${f.repo}/${f.file}:${f.startLine}`);
const onSharedLines = findings.filter((f) => perLine.get(`${f.repo}/${f.file}:${f.startLine}`) > 1).length;
const bySeverity = count(findings, (f) => f.severity);
const byRule = [...count(findings, (f) => f.ruleId)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const highPlus = (bySeverity.get('critical') ?? 0) + (bySeverity.get('high') ?? 0);
const pct = (n, d) => (d === 0 ? '0.0' : ((100 * n) / d).toFixed(1));

const summary = {
  repositories: repos.length,
  filesScanned: files,
  filesWithFindings: perFile.length,
  findings: findings.length,
  perFileWithFindings: {
    median: quantile(perFile, 0.5),
    p90: quantile(perFile, 0.9),
    max: perFile.at(-1) ?? 0,
  },
  onSharedLines,
  onSharedLinesPct: +pct(onSharedLines, findings.length),
  severity: Object.fromEntries(
    ['critical', 'high', 'medium', 'low', 'info'].map((s) => [s, bySeverity.get(s) ?? 0]),
  ),
  highPlusCritical: highPlus,
  errors: Object.fromEntries([...errorsByKind].sort()),
  topRules: byRule.slice(0, top),
};

mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(
  join(here, 'out', 'noise-findings.jsonl'),
  `${findings
    .map((f) =>
      JSON.stringify({
        repo: f.repo,
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.startLine,
        column: f.startColumn,
        resource: f.resource,
        message: f.message,
      }),
    )
    .join('\n')}\n`,
);

if (args.includes('--json')) {
  console.log(JSON.stringify(summary));
} else {
  const s = summary;
  console.log(
    `corpus: ${repos.length} repositories, ${files} files scanned, ${Math.round((performance.now() - started) / 1000)} s`,
  );
  console.log(`findings (unsuppressed):    ${s.findings} in ${s.filesWithFindings} files`);
  console.log(
    `per file with findings:     median ${s.perFileWithFindings.median}, p90 ${s.perFileWithFindings.p90}, max ${s.perFileWithFindings.max}`,
  );
  console.log(`on lines with 2+ findings:  ${s.onSharedLines} (${s.onSharedLinesPct}%)`);
  console.log(
    `severity:                   ${Object.entries(s.severity)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; high+critical ${highPlus}`,
  );
  console.log(
    `errors by kind:             ${Object.entries(s.errors)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`top ${top} rules:`);
  for (const [rule, n] of s.topRules)
    console.log(`  ${String(n).padStart(6)}  ${pct(n, s.findings).padStart(5)}%  ${rule}`);
}
