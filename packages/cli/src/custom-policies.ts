import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type AnyRule,
  CONFIG_FILE_NAMES,
  DiskFileSource,
  type FileSource,
  readConfigFile,
} from '@plumbline/core';
import { admissionPolicyRules, findAdmissionPolicies, loadPolicies } from '@plumbline/policy';

export interface CustomRuleOptions {
  /** The scanned directory (or file). */
  root: string;
  source?: FileSource;
  /** `--config`, when given. */
  configPath?: string;
}

/**
 * The rules a repository brings: its custom policies (`.plumbline/policies/`, `policies:` in the
 * config) and one `vap/<name>` rule per ValidatingAdmissionPolicy in the scan. Loaded before the
 * config, so that the config may turn them off. A policy that cannot load throws (exit 2).
 */
export async function customRules(options: CustomRuleOptions): Promise<AnyRule[]> {
  const root = resolve(options.root);
  const dir = statSync(root).isDirectory() ? root : dirname(root);
  const source = options.source ?? new DiskFileSource(root, basename(root) || '.');
  const configFile =
    options.configPath ?? CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  const configured = configFile && existsSync(configFile) ? (readConfigFile(configFile).policies ?? []) : [];
  const policies = await loadPolicies({
    source,
    configured,
    configDir: configFile ? dirname(configFile) : dir,
    root,
  });
  const admission = admissionPolicyRules(await findAdmissionPolicies(source));
  return [...policies.map((p) => p.rule), ...admission];
}
