// Bundles the CLI into bundle/plumbline.js (a small ESM entry) and bundle/plumbline-main.cjs (the
// main thread's code, no dependencies; the worker-thread modules and their shared chunks beside it) with the tree-sitter .wasm grammars and the presets: what `npm pack`
// ships. `node scripts/bundle.mjs`.
//
// The package's build runs it, and so does `npm pack` (prepack), while tests may be running the
// bundle: it is built in a staging folder, and bundle/ is replaced (by renaming) only when a file
// differs, so a rebuild that changes nothing leaves the running bundle's files as they are.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { escapeNonAscii } from './ascii-source.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = join(packageDir, 'bundle');
const outdir = join(packageDir, `bundle.staging-${process.pid}`);

const WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
];

mkdirSync(outdir, { recursive: true });
// A failed build leaves no staging folder behind.
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
// The engine's worker script (compiled in @plumbline/core, found through its main entry).
const coreDist = dirname(createRequire(join(packageDir, 'package.json')).resolve('@plumbline/core'));
// The organisation scanner's worker script, found the same way in @plumbline/org.
const orgDist = dirname(createRequire(join(packageDir, 'package.json')).resolve('@plumbline/org'));
// A native addon cannot be bundled: `org` commands load it from beside the installed CLI (the
// user installs it: see README.md), every other command never loads it.
const external = ['better-sqlite3'];
// CommonJS dependencies inside an ESM bundle still call require(): give them one.
const requireBanner =
  "import { createRequire as __plumblineRequire } from 'node:module'; const require = __plumblineRequire(import.meta.url);";
await build({
  absWorkingDir: packageDir,
  // The entry (a small loader), and the modules the worker threads load (see
  // src/worker-files.ts): the engine's two, and `org scan`'s worker and the auditor it imports
  // (the main thread's CommonJS, compiled from V8's code cache, cannot import() it on Node 20).
  // Code they share goes to chunks beside them (in the same folder: modules find package.json,
  // presets and grammars relative to themselves).
  entryPoints: {
    plumbline: 'src/bundle-main.ts',
    'engine-worker': 'src/engine-worker.ts',
    'audit-worker': join(coreDist, 'engine', 'pool', 'audit-worker.js'),
    'org-worker': join(orgDist, 'worker.js'),
    'org-auditor': 'src/org-auditor.ts',
  },
  external,
  outdir,
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'eof',
  logLevel: 'warning',
  banner: { js: requireBanner },
});
// The main thread's code, all of it in one CommonJS file: the entry runs it through V8's code
// cache (src/v8-code-cache.ts), which Node 20 offers for scripts but not for ES modules. Commands
// and packs the ESM build loaded on demand are in it too; their module bodies still run only when
// imported (esbuild wraps them), and V8 compiles functions only when first called.
const mainFile = join(outdir, 'plumbline-main.cjs');
await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/cli-main.ts'],
  outfile: mainFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  legalComments: 'eof',
  logLevel: 'warning',
  // `import.meta.url` is the .cjs file's URL (modules find presets, grammars, package.json by it).
  inject: [join(packageDir, 'scripts', 'cjs-import-meta-url.mjs')],
  define: { 'import.meta.url': '__plumblineImportMetaUrl' },
  // For the import() calls of Node built-ins, rewritten below.
  banner: { js: 'const __plumblineBuiltin = require;' },
});
// The entry reads the file as latin1 (faster than UTF-8), so it must be ASCII (ascii-source.mjs).
// The import() of a Node built-in (web-tree-sitter's `await import("module")`) becomes a require:
// a script compiled from V8's code cache on Node 20 has no dynamic import callback in functions
// compiled after it ("A dynamic import callback was not specified"), and esbuild's own rewrite
// (`supported: { 'dynamic-import': false }`) calls `require`, which web-tree-sitter shadows there.
const builtins = new Set(builtinModules);
const mainCode = escapeNonAscii(readFileSync(mainFile, 'utf8')).replace(
  /\bimport\("(?:node:)?([a-z_/]+)"\)/g,
  (call, id) => {
    if (!builtins.has(id)) throw new Error(`plumbline-main.cjs: ${call} is not bundled`);
    return `Promise.resolve().then(() => __plumblineBuiltin("node:${id}"))`;
  },
);
writeFileSync(mainFile, mainCode);
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

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]))
    .sort();
}
function sameFiles(a, b) {
  if (!existsSync(b) || !statSync(b).isDirectory()) return false;
  const names = filesUnder(a);
  const others = filesUnder(b);
  return (
    names.length === others.length &&
    names.every((name, i) => name === others[i] && readFileSync(join(a, name)).equals(readFileSync(join(b, name))))
  );
}
if (sameFiles(outdir, finalDir)) {
  rmSync(outdir, { recursive: true, force: true });
  console.log(`bundled ${join(finalDir, 'plumbline.js')} (unchanged)`);
} else {
  const old = `${finalDir}.old-${process.pid}`;
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(outdir, finalDir);
  rmSync(old, { recursive: true, force: true });
  console.log(`bundled ${join(finalDir, 'plumbline.js')}`);
}
