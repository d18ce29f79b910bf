import { existsSync } from 'node:fs';
import {
  type Baseline,
  loadConfig,
  type ResolvedConfig,
  type RuleRegistry,
  type WorkerSetup,
} from '@plumbline/core';
import { type CustomPolicySet, customRulesOf } from './custom-policies.js';
import { createRegistry } from './registry.js';
import { workerFiles } from './worker-files.js';

/**
 * Everything a scan's rules and config are built from, as plain data: the main thread builds
 * them from it, and so does each engine worker thread (which cannot receive rule functions).
 */
export interface ScanSetupData {
  root: string;
  configPath?: string;
  presets?: string[];
  presetDirs: string[];
  /** Terraform `--var-file`s, relative to the root. */
  varFiles?: string[];
  baseline?: Baseline;
  custom: CustomPolicySet;
  /**
   * True while the main thread still looks for the scan's admission policies (`custom.admission`
   * is empty until then): the registry awaits `vap/` rules, and a shard whose files name one is
   * checked again once they are found (see @plumbline/core's pool/README.md).
   */
  admissionPending?: boolean;
  /**
   * Ids of the languages the scan has files of: only the packs checking one of them are imported
   * (see `rulesFor`); every pack when left out.
   */
  languages?: string[];
}

/** What the engine's worker threads import to build the same rules and config (none: one thread). */
export function engineWorkerSetup(data: ScanSetupData): WorkerSetup | undefined {
  const { setup, engine } = workerFiles();
  if (!existsSync(setup)) return undefined;
  return { module: setup.href, engine: engine?.href, data };
}

/** The rules (built-in and the repository's own) and the config, as every thread builds them. */
export async function configuredRules(
  setup: ScanSetupData,
): Promise<{ registry: RuleRegistry; config: ResolvedConfig }> {
  const registry = await createRegistry(
    await customRulesOf(setup.custom),
    setup.languages,
    !setup.admissionPending,
  );
  const config = loadConfig({
    root: setup.root,
    configPath: setup.configPath,
    presets: setup.presets,
    presetDirs: setup.presetDirs,
    registry,
  });
  return { registry, config };
}
