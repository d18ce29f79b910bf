#!/usr/bin/env node
// Scans every repository of ../shared/corpus with the Kubernetes rules (all enabled, opt-in ones
// included) through the real engine, one repository at a time (cross-resource rules see one
// repository, as in a real scan). Prints crashes (internal errors), parse/skip counts and
// findings per rule; writes every finding to bench/out/k8s-findings.jsonl for sampling.
// Usage: npm run build && node bench/k8s-corpus.mjs [corpus dir] [--only repo-substring]
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_FILE_SIZE, DiskFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { rules } from '@plumbline/policy-kubernetes';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const corpus = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--only') ??
    join(here, '..', '..', '..', 'shared', 'corpus'),
);
const registry = new RuleRegistry(rules);
const config = {
  sources: [],
  rules: new Map(rules.map((r) => [r.id, { enabled: true }])),
  ignore: [],
  exceptions: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

const perRule = new Map();
const errorsByKind = new Map();
const crashes = [];
const lines = [];
let files = 0;
let objects = 0;
const started = performance.now();
const repos = readdirSync(corpus).filter(
  (d) => statSync(join(corpus, d)).isDirectory() && (!only || d.includes(only)),
);
for (const repo of repos) {
  const t0 = performance.now();
  const result = await runAudit({
    source: new DiskFileSource(join(corpus, repo), repo),
    languages: [yamlLanguage],
    registry,
    config,
    now: new Date(),
  });
  files += result.summary.files;
  for (const e of result.errors) {
    errorsByKind.set(e.kind, (errorsByKind.get(e.kind) ?? 0) + 1);
    if (e.kind === 'internal') crashes.push({ repo, ...e });
  }
  for (const f of result.findings) {
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    lines.push(
      JSON.stringify({
        repo,
        ruleId: f.ruleId,
        file: f.file,
        line: f.startLine,
        column: f.startColumn,
        endLine: f.endLine,
        endColumn: f.endColumn,
        resource: f.resource,
        confidence: f.confidence,
        message: f.message,
      }),
    );
  }
  objects += new Set(result.findings.map((f) => `${f.file}\u0000${f.resource}`)).size;
  process.stderr.write(
    `${repo}: ${result.summary.files} files, ${result.findings.length} findings, ${Math.round(performance.now() - t0)} ms\n`,
  );
}
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'k8s-findings.jsonl'), `${lines.join('\n')}\n`);
console.log(
  `repositories: ${repos.length}, YAML files read: ${files}, objects with findings: ${objects}, ${Math.round(performance.now() - started)} ms`,
);
console.log(`errors by kind: ${JSON.stringify(Object.fromEntries(errorsByKind))}`);
console.log(`crashes (internal errors): ${crashes.length}`);
for (const c of crashes.slice(0, 20))
  console.log(
    `  ${c.repo} ${c.file ?? ''} ${c.ruleId ?? ''} ${c.message.split('\n').slice(0, 3).join(' | ')}`,
  );
console.log('findings per rule:');
for (const [id, n] of [...perRule].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(6)}  ${id}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
