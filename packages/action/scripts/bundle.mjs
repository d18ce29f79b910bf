// Bundles src/index.ts into dist/index.js (one ESM file the runner executes without node_modules)
// and copies the tree-sitter .wasm files next to it. `node scripts/bundle.mjs [outdir]`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { escapeNonAscii } from '../../cli/scripts/ascii-source.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The .wasm files the parsers load at run time, by package; a package that is not installed is skipped. */
const WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
];

/** A file of an installed package, whether or not its `exports` list it; undefined when absent. */
function locate(require, pkg, file) {
  try {
    return require.resolve(`${pkg}/${file}`);
  } catch {
    // not exported: look in the package folder
  }
  let dir;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
  return [join(dir, file), join(dir, 'lib', file), join(dir, 'dist', file)].find((c) => existsSync(c));
}

export async function bundle(outdir = join(packageDir, 'dist')) {
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: packageDir,
    entryPoints: ['src/index.ts'],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: false,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    // CommonJS dependencies inside an ESM bundle still call require(): give them one.
    banner: { js: "import { createRequire as __plumblineRequire } from 'node:module'; const require = __plumblineRequire(import.meta.url);" },
  });
  // ASCII only: Node decodes the 5 MB source on its ASCII path (~15 ms less of each start).
  const bundled = join(outdir, 'index.js');
  writeFileSync(bundled, escapeNonAscii(readFileSync(bundled, 'utf8')));
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  // Presets (`extends: recommended`) are read from files at run time.
  const presetsFrom = join(packageDir, '..', '..', 'policies', 'presets');
  const presetsTo = join(outdir, 'presets');
  rmSync(presetsTo, { recursive: true, force: true });
  mkdirSync(presetsTo);
  for (const file of readdirSync(presetsFrom).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    copyFileSync(join(presetsFrom, file), join(presetsTo, file));
  }
  const require = createRequire(join(packageDir, 'package.json'));
  const copied = [];
  for (const [pkg, file] of WASM) {
    const found = locate(require, pkg, file);
    if (!found) continue;
    copyFileSync(found, join(outdir, file));
    copied.push(file);
  }
  return { outdir, copied };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outdir, copied } = await bundle(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`bundled ${join(outdir, 'index.js')}${copied.length ? ` + ${copied.join(', ')}` : ''}`);
}
