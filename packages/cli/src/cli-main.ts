/**
 * The published CLI's main-thread code (bundle/plumbline-main.cjs, one CommonJS file so that
 * bundle/plumbline.js can run it with V8's code cache, see v8-code-cache.ts). The tree-sitter
 * .wasm grammars, the presets and the worker threads' modules sit next to it.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreHeapGrowth } from './heap-growth.js';
import { restoreJitBudget } from './jit-budget.js';
import { runCli } from './program.js';
import { restoreWasmTiering } from './wasm-tiering.js';
import { useBundledWorkers } from './worker-files.js';

/** The groups of code the run loaded, which the code cache records (see loaded-code.ts). */
export { loadedGroups } from './loaded-code.js';

/** Flags set for one scan go back before the code cache is written (see v8-code-cache.ts). */
export function beforeCodeCache(): void {
  restoreWasmTiering();
  restoreHeapGrowth();
  restoreJitBudget();
}

export async function main(argv: string[]): Promise<number> {
  // Worker threads inherit the variable, so their languages find the grammars too.
  process.env.PLUMBLINE_WASM_DIR ??= dirname(fileURLToPath(import.meta.url));
  useBundledWorkers(new URL('./', import.meta.url));
  // `plumbline rules | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
