import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DiskFileSource } from '@plumbline/core';
import { inspectInputs } from '@plumbline/policy';
import { EXIT_OK, type Io } from '../io.js';
import { UsageError } from './audit.js';

/**
 * `plumbline inspect <file|dir> --format json`: the input each unit gives to policies (the
 * variables their CEL expressions read), for writing policies and porting Rego ones.
 */
export async function inspectCommand(target: string, flags: { format: string }, io: Io): Promise<number> {
  if (flags.format !== 'json') throw new UsageError(`--format must be json (got "${flags.format}")`);
  const path = resolve(io.cwd, target);
  if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
  const { units, problems } = await inspectInputs(new DiskFileSource(path, basename(path) || '.'));
  for (const problem of problems) io.stderr.write(`plumbline: ${problem}\n`);
  io.stdout.write(`${JSON.stringify({ units }, (_, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
  return EXIT_OK;
}
