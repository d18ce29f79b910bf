import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { bundle } from '../scripts/bundle.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'plumbline-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The committed (or staged) version of a file of this package, from git's index. */
function committed(path: string): Buffer {
  try {
    return execFileSync('git', ['show', `:./${path}`], {
      cwd: packageDir,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    throw new Error(`packages/action/${path} is not committed: run the build and commit dist/`);
  }
}

describe('dist/', () => {
  it('is what the sources build to today (rebuild: npm run build -w @plumbline/action, then commit dist/)', async () => {
    await bundle(out);
    const fresh = readFileSync(join(out, 'index.js'));
    const inGit = committed('dist/index.js');
    // Compare lengths first so a stale bundle fails with a short message, not a 1 MB diff.
    expect(inGit.length, 'packages/action/dist/index.js is stale: rebuild and commit it').toBe(fresh.length);
    expect(inGit.equals(fresh), 'packages/action/dist/index.js is stale: rebuild and commit it').toBe(true);
    for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(out, file)).isDirectory()) continue;
      const same = committed(`dist/${file}`).equals(readFileSync(join(out, file)));
      expect(same, `dist/${file} is stale`).toBe(true);
    }
  });

  it('ships the tree-sitter WebAssembly next to the bundle and marks it as an ES module', () => {
    const files = readdirSync(out).sort();
    expect(files).toContain('web-tree-sitter.wasm');
    expect(files).toContain('tree-sitter-bash.wasm');
    expect(files).toContain('tree-sitter-terraform.wasm');
    expect(readdirSync(join(out, 'presets')).sort()).toEqual(['recommended.yaml', 'strict.yaml']);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(readFileSync(join(out, 'index.js'), 'utf8').split('\n')[0]).toContain('createRequire');
  });
});
