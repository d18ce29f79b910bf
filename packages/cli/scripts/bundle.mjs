// Bundles the CLI into bundle/plumbline.js (ESM, no dependencies; its worker-thread modules and
// shared chunks beside it) with the tree-sitter .wasm grammars and the presets: what `npm pack`
// ships. `node scripts/bundle.mjs`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(packageDir, 'bundle');

const WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
];

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
// The engine's worker script (compiled in @plumbline/core, found through its main entry).
const coreDist = dirname(createRequire(join(packageDir, 'package.json')).resolve('@plumbline/core'));
await build({
  absWorkingDir: packageDir,
  // The CLI, and the two modules its worker threads load (see src/worker-files.ts); code they
  // share, and what the CLI imports on demand (commands, packs), goes to chunks beside them (in
  // the same folder: modules find package.json, presets and grammars relative to themselves).
  entryPoints: {
    plumbline: 'src/bundle-main.ts',
    'engine-worker': 'src/engine-worker.ts',
    'audit-worker': join(coreDist, 'engine', 'pool', 'audit-worker.js'),
  },
  outdir,
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'eof',
  logLevel: 'warning',
  // CommonJS dependencies inside an ESM bundle still call require(): give them one.
  banner: {
    js: "import { createRequire as __plumblineRequire } from 'node:module'; const require = __plumblineRequire(import.meta.url);",
  },
});
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
const presetsFrom = join(packageDir, '..', '..', 'policies', 'presets');
mkdirSync(join(outdir, 'presets'));
for (const file of readdirSync(presetsFrom).filter((f) => /\.ya?ml$/.test(f)))
  copyFileSync(join(presetsFrom, file), join(outdir, 'presets', file));
const require = createRequire(join(packageDir, 'package.json'));
/** A file of an installed package, whether or not its `exports` list it. */
function locate(pkg, file) {
  try {
    return require.resolve(`${pkg}/${file}`);
  } catch {
    // not exported: look in the package folder (found through its main entry)
  }
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return [join(dir, file), join(dir, 'lib', file), join(dir, 'dist', file)].find((p) => existsSync(p));
}
// The config schema `plumbline init` points editors at: `@plumbline/cli/plumbline.schema.json`
// (the bundle resolves it one folder up, as dist/ does in the checkout).
copyFileSync(require.resolve('@plumbline/core/config-schema.json'), join(packageDir, 'plumbline.schema.json'));
for (const [pkg, file] of WASM) {
  const found = locate(pkg, file);
  if (!found) throw new Error(`${pkg}: ${file} not found`);
  copyFileSync(found, join(outdir, file));
}
console.log(`bundled ${join(outdir, 'plumbline.js')}`);
