import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicyFiles, parseTestFile } from '../load/load-policies.js';
import { runPolicyTests } from './run-policy-tests.js';

const examples = new URL('../../../../policies/examples/', import.meta.url).pathname;
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(examples, f), 'utf8') }));
const policyFiles = files.filter((f) => !f.file.endsWith('.test.yaml'));
const testFiles = files.filter((f) => f.file.endsWith('.test.yaml'));

describe('policies/examples', () => {
  it('holds a dozen house policies across the four languages', () => {
    const policies = compilePolicyFiles(policyFiles);
    expect(policies.length).toBeGreaterThanOrEqual(12);
    expect(new Set(policies.map((p) => p.document.spec.match.language))).toEqual(
      new Set(['kubernetes', 'dockerfile', 'terraform', 'workflow']),
    );
  });

  it('passes every example and test case through the real parsers and engine', async () => {
    const results = await runPolicyTests(
      compilePolicyFiles(policyFiles),
      testFiles.flatMap((t) => parseTestFile(t.file, t.text)),
    );
    const failed = results.filter((r) => !r.passed);
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(36);
  });

  it('fails a case whose expected line is wrong, and one that reports when it should not', async () => {
    const [policy] = compilePolicyFiles(
      policyFiles.filter((f) => f.file.endsWith('require-team-label.yaml')),
    );
    const wrongLine = policy!.document.spec.examples!.invalid![0]!;
    policy!.document.spec.examples = {
      invalid: [{ ...wrongLine, errors: [{ line: 4 }] }],
      valid: [{ code: wrongLine.code }],
    };
    const results = await runPolicyTests([policy!], []);
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(results[0]!.problems[0]).toBe(
      'expected a finding at line 4, got line 5, column 3: Deployment api has no `team` label',
    );
    expect(results[1]!.problems).toEqual([
      'unexpected finding at line 5, column 3: Deployment api has no `team` label',
    ]);
  });
});
