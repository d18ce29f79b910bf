import { existsSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepositoryRootSync } from '@plumbline/core';
import type { Io } from '../io.js';
import { plainFsError } from '../node-errors.js';
import { UsageError } from './audit.js';

/** The JSON schema shipped in this package (copied next to the build by `npm run build`). */
export const SCHEMA_PATH = fileURLToPath(new URL('../plumbline.schema.json', import.meta.url));

/** The first lines: an editor modeline pointing at the schema, then what the file is. */
function header(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# Plumbline configuration. Reference: https://github.com/plumbline-dev/plumbline#configuration
# Validated against the schema above (shipped as @plumbline/cli/plumbline.schema.json); unknown keys are errors.
`;
}

export const INIT_TEMPLATE = `
# Presets applied first: recommended (the default) or strict (every rule, stricter severities).
extends: [recommended]

# Exit 1 when an unsuppressed finding is at or above this severity (--fail-on wins).
failOn: high

# Per rule, by id or by a peer's id (DL3008, CKV_K8S_16, zizmor:unpinned-uses, ...):
#   off | on | critical | high | medium | low | info | { severity: ..., options: {...} }
rules: {}
#   dockerfile/no-latest-tag: medium
#   DL3008: off

# Files not to scan (globs relative to this folder; .gitignore is honoured already).
ignore: []
#   - vendor/**
#   - "**/testdata/**"

# Accepted findings, with a reason and an optional expiry date (YYYY-MM-DD). An expired exception
# stops suppressing and says so.
exceptions: []
#   - rule: k8s/no-privileged-container
#     paths: [k8s/legacy/**]
#     resources: [DaemonSet/kube-system/node-agent]
#     reason: node agent needs host access; reviewed by security (SEC-123)
#     expires: 2027-06-30
`;

/**
 * `plumbline init`: writes a commented `.plumbline.yaml` whose first line tells editors (the YAML
 * language server) where the schema is, so keys are completed and checked while typing.
 */
export function initCommand(dir: string | undefined, flags: { force?: boolean }, io: Io): number {
  const folder = resolve(io.cwd, dir ?? '.');
  const info = statSync(folder, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`init: no such directory: ${dir ?? '.'}`);
  if (!info.isDirectory()) throw new UsageError(`init: ${dir} is not a directory`);
  const path = join(folder, '.plumbline.yaml');
  if (existsSync(path) && !flags.force)
    throw new UsageError(`${relative(io.cwd, path)} already exists (use --force to overwrite)`);
  // A relative path when the schema is inside the project (node_modules), so the file can be committed.
  const project = findRepositoryRootSync(folder) ?? folder;
  const inProject =
    !relative(project, SCHEMA_PATH).startsWith('..') && !isAbsolute(relative(project, SCHEMA_PATH));
  const schemaRef = inProject
    ? relative(folder, SCHEMA_PATH).split(sep).join('/')
    : 'node_modules/@plumbline/cli/plumbline.schema.json';
  try {
    writeFileSync(path, `${header(schemaRef)}${INIT_TEMPLATE}`);
  } catch (error) {
    throw new UsageError(`init: cannot write ${relative(io.cwd, path) || path}: ${plainFsError(error)}`);
  }
  io.stdout.write(`Wrote ${relative(io.cwd, path) || path} (schema: ${schemaRef})\n`);
  return 0;
}
