#!/usr/bin/env node
import { runCli } from './program.js';

process.exitCode = await runCli(['audit', ...process.argv.slice(2)], {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
