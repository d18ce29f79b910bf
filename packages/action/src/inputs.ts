import { isSeverity, type Severity } from '@plumbline/core';

export type Env = Record<string, string | undefined>;

export interface Inputs {
  path: string;
  config?: string;
  presets: string[];
  failOn: Severity | 'none';
  /** Undefined: `new` on pull requests, `all` otherwise. */
  mode?: 'new' | 'all';
  comment: boolean;
  reviewComments: boolean;
  annotations: boolean;
  sarifFile?: string;
  uploadSarif: boolean;
  token?: string;
}

export class InputError extends Error {}

/** The runner passes input `fail-on` as `INPUT_FAIL-ON` (upper-cased, spaces to underscores). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`input ${name}: expected true or false, got "${value}"`);
}

export function readInputs(env: Env): Inputs {
  const failOn = (getInput(env, 'fail-on') || 'high').toLowerCase();
  if (failOn !== 'none' && !isSeverity(failOn)) {
    throw new InputError(
      `input fail-on: expected critical, high, medium, low, info or none, got "${failOn}"`,
    );
  }
  const mode = getInput(env, 'mode').toLowerCase();
  if (mode !== '' && mode !== 'new' && mode !== 'all')
    throw new InputError(`input mode: expected new or all, got "${mode}"`);
  return {
    path: getInput(env, 'path') || '.',
    config: getInput(env, 'config') || undefined,
    presets: getInput(env, 'preset')
      .split(/[,\n]/)
      .map((p) => p.trim())
      .filter(Boolean),
    failOn: failOn as Severity | 'none',
    mode: mode === '' ? undefined : mode,
    comment: bool(env, 'comment', true),
    reviewComments: bool(env, 'review-comments', true),
    annotations: bool(env, 'annotations', true),
    sarifFile: getInput(env, 'sarif-file') || undefined,
    uploadSarif: bool(env, 'upload-sarif', false),
    token: getInput(env, 'github-token') || undefined,
  };
}
