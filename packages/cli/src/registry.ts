import {
  type AnyRule,
  coreRules,
  type IndexedRule,
  type Language,
  RuleRegistry,
  rulesFromIndex,
} from '@plumbline/core';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { hclLanguage } from '@plumbline/lang-hcl';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { ADMISSION_RULE_PREFIX } from '@plumbline/policy/find';
import { noteLoaded } from './loaded-code.js';

/**
 * A rule pack, imported only when asked for: its rules, and its generated index (every rule's
 * id, domain and metadata as data, written by the pack's build), which is enough to validate a
 * config and describe the rules in a report without importing the pack.
 */
interface Pack {
  /** What the code cache calls the pack's code (loaded-code.ts). */
  name: string;
  rules(): Promise<AnyRule[]>;
  index(): Promise<{ languages: string[]; ruleIndex(): IndexedRule[] }>;
  /** Per-run settings of the pack, given before a scan that loads it. */
  configure?(options: PackOptions): Promise<void>;
}

export interface PackOptions {
  /** Terraform `--var-file`s, relative to the root. */
  varFiles?: string[];
}

/** Every pack Plumbline ships, in pack order (the order of the rules in the registry). */
const packs: Pack[] = [
  {
    name: 'dockerfile',
    rules: async () => (await import('@plumbline/policy-dockerfile')).rules,
    index: () => import('@plumbline/policy-dockerfile/rule-index'),
  },
  {
    name: 'kubernetes',
    rules: async () => (await import('@plumbline/policy-kubernetes')).rules,
    index: () => import('@plumbline/policy-kubernetes/rule-index'),
  },
  {
    name: 'github-actions',
    rules: async () => (await import('@plumbline/policy-github-actions')).rules,
    index: () => import('@plumbline/policy-github-actions/rule-index'),
  },
  {
    name: 'terraform',
    rules: async () => (await import('@plumbline/policy-terraform')).rules,
    index: () => import('@plumbline/policy-terraform/rule-index'),
    // Terraform reads var files from the project it is handed; tell it which ones for this run.
    configure: async ({ varFiles }) =>
      (await import('@plumbline/policy-terraform')).configureTerraform({ varFiles }),
  },
];

/** Every file format Plumbline parses; the first that claims a path parses it. */
export const allLanguages: Language[] = [dockerfileLanguage, hclLanguage, yamlLanguage];

/** Every rule Plumbline ships, in pack order (imports every pack). */
export async function loadAllRules(): Promise<AnyRule[]> {
  return [...coreRules, ...(await Promise.all(packs.map(rulesOf))).flat()];
}

function rulesOf(pack: Pack): Promise<AnyRule[]> {
  noteLoaded(pack.name);
  return pack.rules();
}

/** Does a scan whose files are of `languageIds` need the pack's code (does any of its domains read one)? */
async function needed(pack: Pack, languageIds: readonly string[] | undefined): Promise<boolean> {
  if (!languageIds) return true;
  return (await pack.index()).languages.some((l) => languageIds.includes(l));
}

/**
 * The rules of a scan whose files are of `languageIds` (every language when left out): the packs
 * that check one of those languages are imported; the others stand as their index, rules that are
 * configured, reported and described like the real ones but have nothing to check.
 */
export async function rulesFor(languageIds?: readonly string[]): Promise<AnyRule[]> {
  const perPack = await Promise.all(
    packs.map(async (pack) =>
      (await needed(pack, languageIds)) ? rulesOf(pack) : rulesFromIndex((await pack.index()).ruleIndex()),
    ),
  );
  return [...coreRules, ...perPack.flat()];
}

/** Gives the loaded packs of a scan whose files are of `languageIds` their per-run settings. */
export async function configurePacks(
  languageIds: readonly string[] | undefined,
  options: PackOptions,
): Promise<void> {
  for (const pack of packs)
    if (pack.configure && (await needed(pack, languageIds))) await pack.configure(options);
}

/**
 * The built-in rules (see `rulesFor`; all of them by default), plus the ones a repository brings
 * (custom policies, admission policies).
 */
export async function createRegistry(
  extra: readonly AnyRule[] = [],
  languageIds?: readonly string[],
  /** False while the scan's admission policies are still looked for (see `ScanSetupData`). */
  admissionFound = true,
): Promise<RuleRegistry> {
  return new RuleRegistry(
    [...(await rulesFor(languageIds)), ...extra],
    [ADMISSION_RULE_PREFIX],
    admissionFound,
  );
}
