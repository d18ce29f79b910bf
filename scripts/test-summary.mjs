#!/usr/bin/env node
// Reads the vitest JSON report that the root `npm test` writes to .vitest/report.json (every
// package's tests in one run: vitest.config.ts) and prints the plain closing line CI reads:
// "N passed, N failed". No report (vitest did not start, or crashed) is a failure, never "0 failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const file = join(root, '.vitest', 'report.json');

if (!existsSync(file)) {
  console.log('no test report (.vitest/report.json): the tests did not run to the end');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests;
const failed = report.numFailedTests + brokenFiles(report);
const skipped = report.numPendingTests + (report.numTodoTests ?? 0);

// A suite that failed to load has no tests: count it as one failure so it cannot pass silently.
function brokenFiles(report) {
  return (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
}

console.log(`${report.testResults?.length ?? 0} test files`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
