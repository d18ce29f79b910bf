/** Entry of the bundled Action (dist/index.js), run by the root action.yml. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hclLanguage } from '@plumbline/lang-hcl';
import { command } from './commands.js';
import { createEngine } from './engine.js';
import { runAction } from './run.js';

// There is no node_modules at run time: the tree-sitter .wasm files and the presets are copied
// next to the bundle by scripts/bundle.mjs.
const dist = dirname(fileURLToPath(import.meta.url));
process.env.PLUMBLINE_WASM_DIR ??= dist;
hclLanguage.configure({ locateFile: (name) => join(dist, name) });

runAction(process.env, createEngine({ presetDirs: [join(dist, 'presets')] }), process.stdout).then(
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
