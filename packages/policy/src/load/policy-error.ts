import { ConfigError } from '@plumbline/core';

/**
 * A policy file that cannot be used (YAML, schema, unknown field, CEL syntax or reference error):
 * a configuration error (exit 2), never a policy that silently vanishes from a gate.
 */
export class PolicyLoadError extends ConfigError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}
