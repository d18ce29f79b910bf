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
  /** Inline comments only for findings at or above this severity (the sticky comment lists all). */
  reviewMinSeverity: Severity;
  annotations: boolean;
  sarifFile?: string;
  uploadSarif: boolean;
  /** Code scanning category (SARIF `automationDetails.id`): separates several Plumbline steps. */
  sarifCategory: string;
  /**
   * A folder (relative to the workspace) where Helm and kustomize outcomes are kept between runs,
   * for actions/cache to carry; undefined: kept in memory for this run only.
   */
  renderCache?: string;
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
  const reviewMin = (getInput(env, 'review-min-severity') || 'medium').toLowerCase();
  if (!isSeverity(reviewMin))
    throw new InputError(
      `input review-min-severity: expected critical, high, medium, low or info, got "${reviewMin}"`,
    );
  const path = getInput(env, 'path') || '.';
  return {
    path,
    config: getInput(env, 'config') || undefined,
    presets: getInput(env, 'preset')
      .split(/[,\n]/)
      .map((p) => p.trim())
      .filter(Boolean),
    failOn: failOn as Severity | 'none',
    mode: mode === '' ? undefined : mode,
    comment: bool(env, 'comment', true),
    reviewComments: bool(env, 'review-comments', true),
    reviewMinSeverity: reviewMin,
    annotations: bool(env, 'annotations', true),
    sarifFile: getInput(env, 'sarif-file') || undefined,
    uploadSarif: bool(env, 'upload-sarif', false),
    sarifCategory: getInput(env, 'sarif-category') || defaultCategory(path),
    renderCache: getInput(env, 'render-cache') || undefined,
    token: getInput(env, 'github-token') || undefined,
  };
}

/** `plumbline` for the whole repository, `plumbline/infra/prod` for `path: infra/prod`. */
export function defaultCategory(path: string): string {
  const clean = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
  return clean ? `plumbline/${clean}` : 'plumbline';
}
