/** Entry of the bundled Action (dist/index.js), run by the root action.yml. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { command } from './commands.js';
import * as engine from './engine.js';
import { runAction } from './run.js';

// The tree-sitter .wasm files are copied next to the bundle (there is no node_modules at run time).
process.env.PLUMBLINE_WASM_DIR ??= dirname(fileURLToPath(import.meta.url));

runAction(process.env, engine, process.stdout).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stdout.write(
      `${command('error', { title: 'Plumbline failed' }, error.stack ?? error.message)}\n`,
    );
    process.exitCode = 1;
  },
);
