/**
 * Entry of the published CLI (bundle/plumbline.js, one file without dependencies): the tree-sitter
 * .wasm grammars and the presets sit next to it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hclLanguage } from '@plumbline/lang-hcl';
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
const { runCli } = await import('./program.js');

const here = dirname(fileURLToPath(import.meta.url));
process.env.PLUMBLINE_WASM_DIR ??= here;
hclLanguage.configure({ locateFile: (name) => join(here, name) });

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
