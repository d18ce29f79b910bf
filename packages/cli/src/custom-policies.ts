import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type AnyRule,
  CONFIG_FILE_NAMES,
  DiskFileSource,
  debugTimeline,
  type FileSource,
  readConfigFile,
} from '@plumbline/core';
import {
  type AdmissionPolicyRef,
  collectPolicyFiles,
  findAdmissionPolicies,
  type PolicyFileText,
} from '@plumbline/policy/find';
import { noteLoaded } from './loaded-code.js';

export interface CustomRuleOptions {
  /** The scanned directory (or file). */
  root: string;
  /** The root's files (default: the folder on disk); `.plumbline/policies/` is read from it. */
  source?: FileSource;
  /** The files the scan reads, where admission policies are looked for (default: `source`). */
  scanned?: FileSource;
  /** `--config`, when given. */
  configPath?: string;
}

/**
 * What a repository brings, as plain data a worker thread can receive: the texts of its custom
 * policies, and the ValidatingAdmissionPolicies found in the scan.
 */
export interface CustomPolicySet {
  policyFiles: PolicyFileText[];
  admission: AdmissionPolicyRef[];
}

/**
 * The rules a repository brings: its custom policies (`.plumbline/policies/`, `policies:` in the
 * config) and one `vap/<name>` rule per ValidatingAdmissionPolicy in the scan. Loaded before the
 * config, so that the config may turn them off. A policy that cannot load throws (exit 2).
 */
export async function customRules(options: CustomRuleOptions): Promise<AnyRule[]> {
  return await customRulesOf(await findCustomPolicies(options));
}

/** Finds the custom policies and admission policies of a scan (reads files; compiles nothing). */
export async function findCustomPolicies(options: CustomRuleOptions): Promise<CustomPolicySet> {
  const policyFiles = await findPolicyFiles(options);
  const source = options.scanned ?? options.source ?? rootSource(resolve(options.root));
  return { policyFiles, admission: await findAdmissionPolicies(source) };
}

/** The texts of the repository's custom policies (`.plumbline/policies/`, `policies:` in the config). */
export async function findPolicyFiles(options: CustomRuleOptions): Promise<PolicyFileText[]> {
  const root = resolve(options.root);
  const dir = statSync(root).isDirectory() ? root : dirname(root);
  const configFile =
    options.configPath ?? CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  const configured = configFile && existsSync(configFile) ? (readConfigFile(configFile).policies ?? []) : [];
  const policyFiles = await collectPolicyFiles({
    source: options.source ?? rootSource(root),
    configured,
    configDir: configFile ? dirname(configFile) : dir,
    root,
  });
  debugTimeline('custom policy files collected');
  return policyFiles;
}

const rootSource = (root: string) => new DiskFileSource(root, basename(root) || '.');

/**
 * The rules of a found policy set (compiled here: on each thread that checks files). The policy
 * compiler (CEL, the policy schema, every pack) is imported only when there is something to compile.
 */
export async function customRulesOf(set: CustomPolicySet): Promise<AnyRule[]> {
  if (set.policyFiles.length === 0 && set.admission.length === 0) return [];
  noteLoaded('policy');
  const { admissionPolicyRules, compilePolicyFiles } = await import('@plumbline/policy');
  return [...compilePolicyFiles(set.policyFiles).map((p) => p.rule), ...admissionPolicyRules(set.admission)];
}
