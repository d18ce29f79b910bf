import { type Baseline, loadConfig, type ResolvedConfig, type RuleRegistry } from '@plumbline/core';
import { type CustomPolicySet, customRulesOf } from './custom-policies.js';
import { createRegistry } from './registry.js';

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
}

/** The engine worker's setup module (compiled; also when this file runs from sources under a test runner). */
export const ENGINE_WORKER = new URL('../dist/engine-worker.js', import.meta.url);

/** The rules (built-in and the repository's own) and the config, as every thread builds them. */
export async function configuredRules(
  setup: ScanSetupData,
): Promise<{ registry: RuleRegistry; config: ResolvedConfig }> {
  const registry = createRegistry(await customRulesOf(setup.custom));
  const config = loadConfig({
    root: setup.root,
    configPath: setup.configPath,
    presets: setup.presets,
    presetDirs: setup.presetDirs,
    registry,
  });
  return { registry, config };
}
