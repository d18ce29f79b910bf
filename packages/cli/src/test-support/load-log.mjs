// `node --import ./load-log.mjs`: appends the URL of every module the process (and its worker
// threads) loads to the file named by PLUMBLINE_LOAD_LOG. Tests use it to see what a command imports.
import { register } from 'node:module';

register('./load-log-hooks.mjs', import.meta.url);
