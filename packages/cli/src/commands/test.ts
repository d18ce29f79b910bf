import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compilePolicyFiles, type PolicyFileText, parseTestFile, runPolicyTests } from '@plumbline/policy';
import { EXIT_FINDINGS, EXIT_OK, type Io, useColor } from '../io.js';
import { UsageError } from './audit.js';

const YAML = /\.ya?ml$/;
const TEST = /\.test\.ya?ml$/;

/**
 * `plumbline test [paths..]`: runs the examples of every policy and the cases of every `*.test.yaml`
 * found under the paths (default `.plumbline/policies`), like a unit-test runner: one line per case,
 * a summary, exit 1 when a case fails, 2 when a policy or test file cannot be loaded.
 */
export async function testCommand(paths: string[], io: Io): Promise<number> {
  const targets = (paths.length ? paths : ['.plumbline/policies']).map((p) => resolve(io.cwd, p));
  const policies: PolicyFileText[] = [];
  const tests: PolicyFileText[] = [];
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`no such file or directory: ${target}`);
    for (const file of yamlFiles(target)) {
      const entry = { file: display(io.cwd, file), text: readFileSync(file, 'utf8') };
      (TEST.test(file) ? tests : policies).push(entry);
    }
  }
  const compiled = compilePolicyFiles(policies);
  const testDocs = tests.flatMap((t) => parseTestFile(t.file, t.text));
  const results = await runPolicyTests(compiled, testDocs);
  const color = useColor(io, io.stdout);
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  for (const r of results) {
    io.stdout.write(`${r.passed ? paint(32, 'PASS') : paint(31, 'FAIL')}  ${r.policy}  ${r.name}\n`);
    for (const problem of r.problems) io.stdout.write(`        ${r.where}: ${problem}\n`);
  }
  const failed = results.filter((r) => !r.passed).length;
  io.stdout.write(
    `\n${compiled.length} policies, ${results.length} cases: ${results.length - failed} passed, ${failed} failed\n`,
  );
  return failed > 0 || compiled.length === 0 ? EXIT_FINDINGS : EXIT_OK;
}

function yamlFiles(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => YAML.test(name) && !name.split(sep).includes('node_modules'))
    .sort()
    .map((name) => join(target, name));
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}
