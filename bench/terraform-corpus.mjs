#!/usr/bin/env node
// Scans every Terraform file of ../shared/corpus (or the folder given) with the engine, the HCL
// language and the Terraform rules; reports crashes, parse errors, findings per rule and MB/s.
// Usage: node bench/terraform-corpus.mjs [corpus-dir] [--sample N] [--json out.json]
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  coreRules,
  DEFAULT_MAX_FILE_SIZE,
  DiskFileSource,
  RuleRegistry,
  runAudit,
  SourceFile,
} from '@plumbline/core';
import { hclLanguage } from '@plumbline/lang-hcl';
import { rules } from '@plumbline/policy-terraform';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const sample = Number(flag('--sample') ?? 0);
const jsonOut = flag('--json');
const candidates = [
  new URL('../../shared/corpus', import.meta.url).pathname,
  new URL('../../../shared/corpus', import.meta.url).pathname,
];
const root = resolve(args[0] ?? candidates.find((c) => existsSync(c)) ?? candidates[0]);

const config = {
  sources: [],
  rules: new Map(),
  ignore: [],
  exceptions: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};
const include = ['**/*.tf', '**/*.tfvars', '**/*.tf.json'];
const source = new DiskFileSource(root, 'corpus');

// Parse only, to compare with the full scan.
await hclLanguage.load();
let bytes = 0;
let files = 0;
const texts = [];
for await (const entry of source.list()) {
  if (!/\.(tf|tfvars|tf\.json)$/.test(entry.path)) continue;
  const text = (await source.read(entry.path)).toString('utf8');
  texts.push(new SourceFile(entry.path, text));
  bytes += Buffer.byteLength(text);
  files++;
}
let t = performance.now();
let parseProblems = 0;
for (const f of texts) parseProblems += hclLanguage.parse(f).problems.length;
const parseMs = performance.now() - t;

t = performance.now();
const result = await runAudit({
  source,
  languages: [hclLanguage],
  registry: new RuleRegistry([...rules, ...coreRules]),
  config,
  include,
});
const scanMs = performance.now() - t;

const mb = bytes / 1024 / 1024;
const byRule = {};
for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
const crashes = result.errors.filter((e) => e.kind === 'internal');
const parseErrors = result.errors.filter((e) => e.kind === 'parse');
console.log(`files ${files} (${mb.toFixed(2)} MB) in ${root}`);
console.log(
  `parse only: ${(parseMs / 1000).toFixed(2)} s, ${(mb / (parseMs / 1000)).toFixed(2)} MB/s, ${parseProblems} parse problems`,
);
console.log(
  `full scan:  ${(scanMs / 1000).toFixed(2)} s, ${(mb / (scanMs / 1000)).toFixed(2)} MB/s (scan/parse ratio ${(scanMs / parseMs).toFixed(2)})`,
);
console.log(`crashes (internal errors): ${crashes.length}`);
for (const e of crashes.slice(0, 10)) console.log(`  ${e.file ?? ''} ${e.message.split('\n')[0]}`);
console.log(`parse errors: ${parseErrors.length} in ${new Set(parseErrors.map((e) => e.file)).size} files`);
for (const e of parseErrors.slice(0, 10)) console.log(`  ${e.file}:${e.line}:${e.column} ${e.message}`);
console.log(`findings: ${result.findings.length}`);
for (const [id, n] of Object.entries(byRule).sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(6)}  ${id}`);
if (sample > 0) {
  // A deterministic spread of findings to review by hand: every n-th finding.
  const step = Math.max(1, Math.floor(result.findings.length / sample));
  console.log(`\nsample of ${sample} findings:`);
  for (let i = 0; i < result.findings.length && i / step < sample; i += step) {
    const f = result.findings[i];
    console.log(`  ${f.file}:${f.startLine}:${f.startColumn} ${f.ruleId} ${f.message}`);
  }
}
if (jsonOut)
  writeFileSync(
    jsonOut,
    JSON.stringify(
      { files, bytes, parseMs, scanMs, byRule, crashes, parseErrors, findings: result.findings },
      null,
      1,
    ),
  );
