import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Io } from '../io.js';
import { UsageError } from './audit.js';

export const INIT_TEMPLATE = `# Plumbline configuration. Reference: https://github.com/plumbline-dev/plumbline#configuration
# Validated against packages/core/src/config/config.schema.json; unknown keys are errors.

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

/** `plumbline init`: writes a commented `.plumbline.yaml`. */
export function initCommand(dir: string | undefined, flags: { force?: boolean }, io: Io): number {
  const path = join(resolve(io.cwd, dir ?? '.'), '.plumbline.yaml');
  if (existsSync(path) && !flags.force)
    throw new UsageError(`${relative(io.cwd, path)} already exists (use --force to overwrite)`);
  writeFileSync(path, INIT_TEMPLATE);
  io.stdout.write(`Wrote ${relative(io.cwd, path) || path}\n`);
  return 0;
}
