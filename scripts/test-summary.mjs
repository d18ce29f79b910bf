#!/usr/bin/env node
// Adds up the vitest JSON reports that every package's `test` task writes to .vitest/report.json
// and prints the plain closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const group of ['packages', 'policies']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, '.vitest', 'report.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    reports++;
    passed += report.numPassedTests;
    failed += report.numFailedTests + brokenFiles(report);
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  }
}

// A suite that failed to load has no tests: count it as one failure so it cannot pass silently.
function brokenFiles(report) {
  return (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
}

console.log(`${reports} test reports`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || reports === 0 ? 1 : 0;
