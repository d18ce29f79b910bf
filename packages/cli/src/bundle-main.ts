/**
 * Entry of the published CLI (bundle/plumbline.js, no dependencies): runs the main-thread code,
 * bundle/plumbline-main.cjs, through V8's code cache (v8-code-cache.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { enableCompileCache } from './compile-cache.js';
import { exitWhenFlushed } from './exit-when-flushed.js';
import { runCachedCommonJs } from './v8-code-cache.js';

// Node ≥ 22.1 caches the worker threads' ES modules too; the main file is cached below on any Node.
enableCompileCache();
const argv = process.argv.slice(2);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// `--version` alone needs none of the CLI (commander prints the same line).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
const cli = runCachedCommonJs(fileURLToPath(new URL('plumbline-main.cjs', import.meta.url)), {
  version,
  env: process.env,
  kind: argv[0] === 'audit' ? 'scan' : 'other',
});
const { main, beforeCodeCache, loadedGroups } = cli.exports as {
  main(argv: string[]): Promise<number>;
  beforeCodeCache(): void;
  loadedGroups(): string[];
};
process.exitCode = await main(argv);
beforeCodeCache();
cli.save(loadedGroups());
exitWhenFlushed();
