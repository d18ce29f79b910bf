/**
 * Entry of the published CLI (bundle/plumbline.js, one file without dependencies): the tree-sitter
 * .wasm grammars and the presets sit next to it.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from './compile-cache.js';
import { useBundledWorkers } from './worker-files.js';

enableCompileCache();
// The grammars and the worker threads' modules ship beside the bundle; worker threads inherit the
// variable, so their languages find the grammars too.
process.env.PLUMBLINE_WASM_DIR ??= dirname(fileURLToPath(import.meta.url));
useBundledWorkers(new URL('./', import.meta.url));
const { runCli } = await import('./program.js');

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
