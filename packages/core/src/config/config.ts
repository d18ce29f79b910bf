import type { Severity } from '../model/severity.js';

export type RuleLevel = 'off' | 'on' | Severity;

/** `.plumbline.yaml` as written (after schema validation). */
export interface ConfigFile {
  extends?: string | string[];
  failOn?: Severity | 'none';
  rules?: Record<string, RuleLevel | { severity?: RuleLevel; options?: Record<string, unknown> }>;
  ignore?: string[];
  exceptions?: ExceptionEntry[];
  maxFileSize?: number;
  helm?: HelmSettings;
  /** Custom policy files, folders or npm packages (besides `.plumbline/policies/`), relative to this file. */
  policies?: string[];
}

/** How charts are rendered: which `helm` binary, and extra values files per chart folder. */
export interface HelmSettings {
  /** Path to the `helm` binary (default: `helm` on PATH). */
  binary?: string;
  /** Chart folder glob → values file globs (relative to the scanned root), one render each. */
  values?: Record<string, string[]>;
}

export interface ExceptionEntry {
  rule: string;
  paths?: string[];
  resources?: string[];
  reason: string;
  /** YYYY-MM-DD; from that day on the exception no longer applies. */
  expires?: string;
}

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

/** Config with presets applied and rule names resolved to canonical ids. */
export interface ResolvedConfig {
  /** Config files that were read, in application order (for messages). */
  sources: string[];
  failOn?: Severity | 'none';
  rules: Map<string, RuleSetting>;
  ignore: string[];
  exceptions: (ExceptionEntry & { ruleId: string; source: string })[];
  maxFileSize: number;
  helm?: HelmSettings;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A problem in the configuration or the command line: exit code 2, nothing scanned. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
