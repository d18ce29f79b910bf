import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
const sources = ['inputs.ts', 'run.ts']
  .map((f) => readFileSync(join(repoRoot, 'packages/action/src', f), 'utf8'))
  .join('\n');

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'packages/action/dist/index.js' });
    expect(existsSync(join(repoRoot, action.runs.main))).toBe(true);
  });

  it('declares exactly the inputs the Action reads, each with a description', () => {
    const read = [...sources.matchAll(/getInput\(\s*env,\s*'([a-z-]+)'\)|bool\(\s*env,\s*'([a-z-]+)'/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
    for (const [name, input] of Object.entries(action.inputs as Record<string, { description?: string }>)) {
      expect(input.description, name).toBeTruthy();
    }
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the Action writes', () => {
    const written = [...sources.matchAll(/setOutput\(\s*env\.GITHUB_OUTPUT,\s*'([a-z-]+)'/g)].map(
      (m) => m[1],
    );
    expect(Object.keys(action.outputs).sort()).toEqual([...written].sort());
  });
});
