#!/usr/bin/env node
// How many ids of each peer catalog (../shared/peers/*.txt) some Plumbline rule lists in its
// `aliases`. Reads the built packs (run the build first).
// Usage: node bench/peer-coverage.mjs [--missing]   (--missing also lists the ids not covered)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const showMissing = process.argv.includes('--missing');
const candidates = [
  new URL('../../shared/peers', import.meta.url).pathname,
  new URL('../../../shared/peers', import.meta.url).pathname,
];
const peersDir = candidates.find((c) => existsSync(c));
if (!peersDir) {
  console.error('no peers folder found (looked for ../shared/peers)');
  process.exit(2);
}

// Every pack exports `rules`; collect all their aliases, normalised to the current Trivy spelling.
const normalise = (id) =>
  id
    .replace(/^AVD-/, '')
    .replace(/^([A-Z]+)-?0*(\d+)$/, (_m, p, n) =>
      /^(AWS|DS|KSV)$/.test(p) ? `${p}-${n.padStart(4, '0')}` : _m,
    );
const aliases = new Map();
for (const pack of ['dockerfile', 'github-actions', 'kubernetes', 'terraform']) {
  const { rules } = await import(`../policies/${pack}/dist/index.js`);
  for (const rule of rules)
    for (const alias of rule.meta.aliases ?? []) {
      const key = normalise(alias);
      aliases.set(key, [...(aliases.get(key) ?? []), rule.id]);
    }
}

// Catalogs whose ids are aliased with the tool's name in front (peers/README.md).
const PREFIX = { 'kube-linter.txt': 'kube-linter:', 'zizmor.txt': 'zizmor:' };
const rows = [];
for (const file of readdirSync(peersDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const ids = readFileSync(join(peersDir, file), 'utf8')
    .split('\n')
    .map(
      (line) =>
        line
          .split('|')
          .map((f) => f.trim())
          .find((f) => f !== '') ?? '',
    )
    .filter((id) => /^[A-Za-z0-9][\w.:-]*$/.test(id));
  const unique = [...new Set(ids.map((id) => `${PREFIX[file] ?? ''}${id}`))];
  const covered = unique.filter((id) => aliases.has(normalise(id)));
  rows.push({
    file,
    total: unique.length,
    covered: covered.length,
    missing: unique.filter((id) => !aliases.has(normalise(id))),
  });
}

const width = Math.max(...rows.map((r) => r.file.length));
for (const r of rows.filter((row) => row.total > 0)) {
  const pct = r.total ? ((100 * r.covered) / r.total).toFixed(1) : '0.0';
  console.log(
    `${r.file.padEnd(width)}  ${String(r.covered).padStart(4)} / ${String(r.total).padEnd(4)} ${pct.padStart(5)}%`,
  );
  if (showMissing && r.missing.length) console.log(`  missing: ${r.missing.join(' ')}`);
}
