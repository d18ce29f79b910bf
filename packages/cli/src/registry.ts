import { type AnyRule, coreRules, type Language, RuleRegistry } from '@plumbline/core';
import { yamlLanguage } from '@plumbline/lang-yaml';

/** Every rule Plumbline ships, in pack order. */
export const allRules: AnyRule[] = [...coreRules];

/** Every file format Plumbline parses. */
export const allLanguages: Language[] = [yamlLanguage];

export function createRegistry(): RuleRegistry {
  return new RuleRegistry(allRules);
}
