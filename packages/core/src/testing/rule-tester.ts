import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../engine/audit.js';
import { MemoryFileSource } from '../engine/file-source.js';
import { RuleRegistry } from '../engine/registry.js';
import type { Finding, RunResult } from '../model/finding.js';
import type { Language } from '../model/language.js';
import type { AnyRule } from '../model/rule.js';
import { testConfig } from './config.js';

export interface ExpectedError {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Substring (or pattern) the message must contain. */
  message?: string | RegExp;
  /** File of the finding when the case has several files (defaults to `filename`). */
  file?: string;
}

export interface ValidCase {
  name?: string;
  /** Path of the file under test; defaults to the domain's usual file name. */
  filename?: string;
  code: string;
  /** More files of the same repository (cross-file rules). */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface FixtureCase {
  name?: string;
  /** A folder holding a small repository. */
  dir: string;
  options?: Record<string, unknown>;
  /** Expected findings (empty for a folder that must stay quiet). */
  errors: (ExpectedError & { file: string })[];
}

const DEFAULT_FILENAMES: Record<string, string> = {
  dockerfile: 'Dockerfile',
  k8s: 'k8s/manifest.yaml',
  gha: '.github/workflows/ci.yml',
  terraform: 'main.tf',
  core: 'file.txt',
};

/** Runs one rule, alone, through the real parsers and engine over in-memory files. */
export async function runRule(
  rule: AnyRule,
  languages: readonly Language[],
  files: Record<string, string>,
  options?: Record<string, unknown>,
): Promise<RunResult> {
  return runAudit({
    source: new MemoryFileSource(files),
    languages,
    registry: new RuleRegistry([rule]),
    config: testConfig({ rules: new Map([[rule.id, { enabled: true, options }]]) }),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

/** Reads a fixture folder into a path → text map (posix paths relative to the folder). */
export function readFixtureDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function spanOf(f: Finding) {
  return { line: f.startLine, column: f.startColumn, endLine: f.endLine, endColumn: f.endColumn };
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.file}:${f.startLine}:${f.startColumn}-${f.endLine}:${f.endColumn} ${f.message}`)
    .join('\n');
}

/**
 * Table-driven rule tests, in the manner of ESLint's RuleTester: valid cases must report nothing,
 * invalid cases must report exactly the listed spans, through the real parser.
 */
export class RuleTester {
  constructor(private readonly languages: readonly Language[]) {}

  run(
    rule: AnyRule,
    cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[]; fixtures?: FixtureCase[] },
  ): void {
    const seen = new Set<string>();
    const keyOf = (c: ValidCase) => JSON.stringify([c.filename, c.code, c.files, c.options]);
    const filename = (c: ValidCase) => c.filename ?? DEFAULT_FILENAMES[rule.domain.id] ?? 'file';
    const label = (c: ValidCase, i: number) =>
      c.name ?? `#${i + 1} ${c.code.split('\n').find((l) => l.trim()) ?? ''}`.slice(0, 80);

    describe(rule.id, () => {
      if (cases.invalid.length === 0) throw new Error(`${rule.id}: at least one invalid case is required`);
      cases.valid.forEach((raw, i) => {
        const c: ValidCase = typeof raw === 'string' ? { code: raw } : raw;
        if (seen.has(keyOf(c))) throw new Error(`${rule.id}: duplicate test case ${label(c, i)}`);
        seen.add(keyOf(c));
        it(`valid: ${label(c, i)}`, async () => {
          const result = await runRule(
            rule,
            this.languages,
            { ...c.files, [filename(c)]: c.code },
            c.options,
          );
          expectNoParseErrors(result);
          const own = result.findings.filter((f) => f.ruleId === rule.id);
          expect(own, describeFindings(own)).toEqual([]);
        });
      });
      cases.invalid.forEach((c, i) => {
        if (seen.has(keyOf(c))) throw new Error(`${rule.id}: duplicate test case ${label(c, i)}`);
        seen.add(keyOf(c));
        if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case ${label(c, i)} lists no error`);
        it(`invalid: ${label(c, i)}`, async () => {
          const result = await runRule(
            rule,
            this.languages,
            { ...c.files, [filename(c)]: c.code },
            c.options,
          );
          expectNoParseErrors(result);
          expectFindings(
            result,
            rule.id,
            c.errors.map((e) => ({ ...e, file: e.file ?? filename(c) })),
          );
        });
      });
      for (const [i, f] of (cases.fixtures ?? []).entries()) {
        it(`fixture: ${f.name ?? f.dir.split(/[\\/]/).slice(-2).join('/') ?? i}`, async () => {
          const result = await runRule(rule, this.languages, readFixtureDir(f.dir), f.options);
          expectFindings(result, rule.id, f.errors);
        });
      }
    });
  }
}

function expectNoParseErrors(result: RunResult): void {
  const parse = result.errors.filter((e) => e.kind === 'parse' || e.kind === 'internal');
  expect(parse, 'test code must parse and the rule must not crash').toEqual([]);
}

export function expectFindings(
  result: RunResult,
  ruleId: string,
  expected: (ExpectedError & { file: string })[],
): void {
  const own = result.findings.filter((f) => f.ruleId === ruleId);
  expect(
    own.map((f) => ({ file: f.file, ...spanOf(f) })),
    describeFindings(own),
  ).toEqual(
    expected.map((e) => ({
      file: e.file,
      line: e.line,
      column: e.column,
      endLine: e.endLine,
      endColumn: e.endColumn,
    })),
  );
  expected.forEach((e, i) => {
    if (e.message === undefined) return;
    if (typeof e.message === 'string') expect(own[i]!.message).toContain(e.message);
    else expect(own[i]!.message).toMatch(e.message);
  });
  const internal = result.errors.filter((e) => e.kind === 'internal');
  expect(internal).toEqual([]);
}
