#!/usr/bin/env node
// GitHub Actions rules over the shared corpus: every workflow and action file, plus the
// actions/starter-workflows templates (which do not live under .github/workflows, so they are
// scanned under a workflow path). Prints parse errors, findings per rule, timings, and with
// `--sample N [--seed S]` a reproducible random sample of findings with their source line.
//
//   npm run build && node bench/gha-corpus.mjs [--corpus ../shared/corpus] [--sample 20] [--seed 7]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MemoryFileSource, RuleRegistry, runAudit } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { ghaDomain, rules } from '@plumbline/policy-github-actions';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpus = opt(
  'corpus',
  process.env.PLUMBLINE_CORPUS ?? new URL('../../shared/corpus', import.meta.url).pathname,
);
const sample = Number(opt('sample', '0'));
let seed = Number(opt('seed', '7'));

const files = {};
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full);
    else {
      const rel = relative(corpus, full).split(sep).join('/');
      const starter =
        rel.startsWith('actions__starter-workflows/') && !rel.includes('/.github/') && /\.ya?ml$/.test(rel);
      if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(rel) || /(^|\/)action\.ya?ml$/.test(rel))
        files[rel] = readFileSync(full, 'utf8');
      else if (starter && !rel.includes('/properties/'))
        files[`${rel.replace(/\.ya?ml$/, '').replace(/\//g, '__')}/.github/workflows/template.yml`] =
          readFileSync(full, 'utf8');
    }
  }
};
walk(corpus);
const paths = Object.keys(files);
const bytes = paths.reduce((n, p) => n + Buffer.byteLength(files[p]), 0);

const config = { sources: [], rules: new Map(), ignore: [], exceptions: [], maxFileSize: 2_000_000 };
// Warm-up (JIT, schema of the expression parser) so the two timed runs compare like with like.
await runAudit({
  source: new MemoryFileSource(files),
  languages: [yamlLanguage],
  registry: new RuleRegistry(rules),
  config,
});
const t0 = performance.now();
// Parse and build the workflow model only: one rule that does nothing.
const noop = { id: 'gha/noop', domain: ghaDomain, meta: rules[0].meta, check() {} };
await runAudit({
  source: new MemoryFileSource(files),
  languages: [yamlLanguage],
  registry: new RuleRegistry([noop]),
  config,
});
const t1 = performance.now();
const result = await runAudit({
  source: new MemoryFileSource(files),
  languages: [yamlLanguage],
  registry: new RuleRegistry(rules),
  config,
});
const t2 = performance.now();

const parseErrors = result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal');
console.log(
  `files: ${paths.length} (${(bytes / 1e6).toFixed(2)} MB); parse+rules ${(t2 - t1).toFixed(0)} ms, parse+model only ${(t1 - t0).toFixed(0)} ms`,
);
console.log(`parse/internal errors: ${parseErrors.length}`);
for (const e of parseErrors) console.log(`  ${e.kind} ${e.file}:${e.line ?? ''} ${e.message}`);
const byRule = new Map();
for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
console.log(`findings: ${result.findings.length}`);
for (const [id, n] of [...byRule].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(5)} ${id}`);

if (sample > 0) {
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pool = [...result.findings];
  console.log(`\nsample of ${sample} (seed ${opt('seed', '7')}):`);
  for (let i = 0; i < sample && pool.length > 0; i++) {
    const f = pool.splice(Math.floor(rand() * pool.length), 1)[0];
    const line = files[f.file].split('\n')[f.startLine - 1] ?? '';
    console.log(
      `- ${f.file}:${f.startLine}:${f.startColumn} ${f.ruleId}\n    ${f.message}\n    | ${line.trim().slice(0, 160)}`,
    );
  }
}

// `--rule <id>` lists every finding of one rule.
const only = opt('rule', undefined);
if (only) {
  for (const f of result.findings.filter((x) => x.ruleId === only)) {
    const line = files[f.file].split('\n')[f.startLine - 1] ?? '';
    console.log(
      `- ${f.file}:${f.startLine}:${f.startColumn} ${f.message}\n    | ${line.trim().slice(0, 160)}`,
    );
  }
}
