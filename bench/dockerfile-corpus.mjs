#!/usr/bin/env node
// Scans every Dockerfile under the shared corpus with the Dockerfile pack (all rules, opt-in ones
// too) and prints crashes, parse failures and finding counts per rule.
//   node bench/dockerfile-corpus.mjs [corpus-dir] [--json out.json]
// Build first: npx turbo run build --filter=@plumbline/policy-dockerfile...
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, DiskFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { dockerfileLanguage, rules } from '@plumbline/policy-dockerfile';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const root = resolve(args[0] ?? new URL('../../shared/corpus', import.meta.url).pathname);

const config = {
  sources: [],
  rules: new Map(rules.map((r) => [r.id, { enabled: true }])),
  ignore: [],
  exceptions: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};
const started = performance.now();
const result = await runAudit({
  source: new DiskFileSource(root, 'corpus'),
  languages: [dockerfileLanguage],
  registry: new RuleRegistry(rules),
  config,
});
const seconds = (performance.now() - started) / 1000;

const crashes = result.errors.filter((e) => e.kind === 'internal');
const parse = result.errors.filter((e) => e.kind === 'parse');
console.log(
  `${result.summary.files} Dockerfiles, ${result.findings.length} findings in ${seconds.toFixed(1)} s`,
);
console.log(`\ncrashes: ${crashes.length}`);
for (const e of crashes.slice(0, 20)) console.log(`  ${e.file ?? ''} ${e.message.split('\n')[0]}`);
console.log(`\nparse failures: ${parse.length}`);
for (const e of parse) console.log(`  ${e.file}:${e.line}:${e.column} ${e.message}`);
const counts = new Map();
const filesPer = new Map();
for (const f of result.findings) {
  counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  if (!filesPer.has(f.ruleId)) filesPer.set(f.ruleId, new Set());
  filesPer.get(f.ruleId).add(f.file);
}
console.log('\nfindings per rule (findings / files):');
for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
  console.log(
    `  ${String(counts.get(rule.id) ?? 0).padStart(6)} / ${String(filesPer.get(rule.id)?.size ?? 0).padStart(4)}  ${rule.id} (${rule.meta.severity})`,
  );
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 1));
