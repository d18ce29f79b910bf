import { MemoryFileSource, type ResolvedConfig, RuleRegistry, runAudit } from '@plumbline/core';
import { type CompiledPolicy, defaultFilename } from '../compile-policy.js';
import { policyLanguages } from '../languages.js';
import type { ParsedPolicyDocument } from '../load/parse-policy-file.js';
import type { ExpectedError, PolicyCase, PolicyTestDocument } from '../load/policy-document.js';
import { PolicyLoadError } from '../load/policy-error.js';

export interface PolicyTestResult {
  policy: string;
  /** `examples.invalid[0]`, `examples.valid[1]`, or a test file's case name. */
  name: string;
  /** Where the case is written: `file:line`. */
  where: string;
  passed: boolean;
  /** Why it failed, one line per problem. */
  problems: string[];
}

interface Case extends PolicyCase {
  label: string;
  where: string;
}

/**
 * Runs every example of the policies and every case of their `*.test.yaml` files through the real
 * parsers and engine: an invalid case must report exactly the listed lines (and columns, messages
 * when given), a valid case nothing.
 */
export async function runPolicyTests(
  policies: CompiledPolicy[],
  tests: ParsedPolicyDocument<PolicyTestDocument>[],
): Promise<PolicyTestResult[]> {
  const results: PolicyTestResult[] = [];
  const byId = new Map(policies.map((p) => [p.rule.id, p]));
  for (const test of tests) {
    if (!byId.has(test.data.metadata.policy)) {
      const at = test.where(['metadata', 'policy']);
      throw new PolicyLoadError(
        test.file,
        at.line,
        at.column,
        `metadata.policy: no policy "${test.data.metadata.policy}" among the loaded policies`,
      );
    }
  }
  for (const policy of policies) {
    const cases: Case[] = [];
    const examples = policy.document.spec.examples ?? {};
    (examples.invalid ?? []).forEach((c, i) => {
      cases.push({ ...c, label: c.name ?? `examples.invalid[${i}]`, where: `${policy.file}` });
    });
    (examples.valid ?? []).forEach((c, i) => {
      cases.push({ ...c, errors: [], label: c.name ?? `examples.valid[${i}]`, where: `${policy.file}` });
    });
    for (const test of tests.filter((t) => t.data.metadata.policy === policy.rule.id)) {
      test.data.cases.forEach((c, i) => {
        const at = test.where(['cases', i]);
        cases.push({ ...c, errors: c.errors ?? [], label: c.name, where: `${test.file}:${at.line}` });
      });
    }
    if (cases.length === 0) {
      results.push({
        policy: policy.rule.id,
        name: '(no examples)',
        where: policy.file,
        passed: false,
        problems: [
          'the policy has no examples and no test file: write at least one invalid and one valid case',
        ],
      });
      continue;
    }
    for (const c of cases) results.push(await runCase(policy, c));
  }
  return results;
}

const CONFIG: ResolvedConfig = {
  sources: [],
  rules: new Map(),
  ignore: [],
  exceptions: [],
  maxFileSize: 5_000_000,
};

async function runCase(policy: CompiledPolicy, c: Case): Promise<PolicyTestResult> {
  const filename = c.filename ?? defaultFilename(policy.document.spec.match.language);
  const source = new MemoryFileSource({ ...(c.files ?? {}), [filename]: c.code });
  const config: ResolvedConfig = { ...CONFIG, rules: new Map([[policy.rule.id, { enabled: true }]]) };
  const result = await runAudit({
    source,
    languages: policyLanguages,
    registry: new RuleRegistry([policy.rule]),
    config,
  });
  const problems: string[] = [];
  for (const error of result.errors)
    if (error.kind === 'parse' || error.kind === 'internal')
      problems.push(
        `${error.file ?? ''}${error.line ? `:${error.line}` : ''}: ${error.message.split('\n')[0]}`,
      );
  const found = result.findings.filter((f) => f.ruleId === policy.rule.id && f.file === filename);
  const expected = c.errors ?? [];
  const describe = (f: { startLine: number; startColumn: number; message: string }) =>
    `line ${f.startLine}, column ${f.startColumn}: ${f.message}`;
  const unmatched = [...found];
  for (const e of expected) {
    const i = unmatched.findIndex((f) => matches(f, e));
    if (i >= 0) unmatched.splice(i, 1);
    else
      problems.push(
        `expected a finding at ${expectation(e)}, ${found.length ? `got ${found.map(describe).join('; ')}` : 'got none'}`,
      );
  }
  for (const f of unmatched) problems.push(`unexpected finding at ${describe(f)}`);
  return { policy: policy.rule.id, name: c.label, where: c.where, passed: problems.length === 0, problems };
}

function matches(
  f: { startLine: number; startColumn: number; endLine: number; endColumn: number; message: string },
  e: ExpectedError,
): boolean {
  return (
    f.startLine === e.line &&
    (e.column === undefined || f.startColumn === e.column) &&
    (e.endLine === undefined || f.endLine === e.endLine) &&
    (e.endColumn === undefined || f.endColumn === e.endColumn) &&
    (e.message === undefined || f.message.includes(e.message))
  );
}

function expectation(e: ExpectedError): string {
  return `line ${e.line}${e.column ? `, column ${e.column}` : ''}${e.message ? ` with message containing "${e.message}"` : ''}`;
}
