import type { AuditSetup } from '@plumbline/core';
import { TOOL } from './paths.js';
import { allLanguages, configurePacks, rulesFor } from './registry.js';
import { configuredRules, type ScanSetupData } from './scan-setup.js';

/**
 * Imported by each engine worker thread (see @plumbline/core's pool): the same languages, rules,
 * config and baseline as the main thread's `scanWithConfig`, rebuilt from plain data.
 */
export async function createAuditSetup(data: ScanSetupData): Promise<AuditSetup> {
  const { registry, config } = await configuredRules(data);
  await configurePacks(data.languages, { varFiles: data.varFiles });
  return { languages: allLanguages, registry, config, baseline: data.baseline, tool: TOOL };
}

/** Prestarted workers (see worker-prestart.ts): import the packs of these languages ahead of the setup. */
export async function warmAuditSetup(languages: string[]): Promise<void> {
  await rulesFor(languages);
}
