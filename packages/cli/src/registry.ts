import { type AnyRule, coreRules, type Language, RuleRegistry } from '@plumbline/core';
import { dockerfileLanguage } from '@plumbline/lang-dockerfile';
import { hclLanguage } from '@plumbline/lang-hcl';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { rules as dockerfileRules } from '@plumbline/policy-dockerfile';
import { rules as githubActionsRules } from '@plumbline/policy-github-actions';
import { rules as kubernetesRules } from '@plumbline/policy-kubernetes';
import { rules as terraformRules } from '@plumbline/policy-terraform';

/** Every rule Plumbline ships, in pack order. */
export const allRules: AnyRule[] = [
  ...coreRules,
  ...dockerfileRules,
  ...kubernetesRules,
  ...githubActionsRules,
  ...terraformRules,
];

/** Every file format Plumbline parses; the first that claims a path parses it. */
export const allLanguages: Language[] = [dockerfileLanguage, hclLanguage, yamlLanguage];

/** The built-in rules, plus the ones a repository brings (custom policies, admission policies). */
export function createRegistry(extra: readonly AnyRule[] = []): RuleRegistry {
  return new RuleRegistry([...allRules, ...extra]);
}
