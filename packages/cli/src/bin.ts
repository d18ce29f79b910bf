#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js';
import { exitWhenFlushed } from './exit-when-flushed.js';

enableCompileCache();
const { runCli } = await import('./program.js');

// `plumbline rules | head` closes the pipe early: that is not an error.
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
exitWhenFlushed();
