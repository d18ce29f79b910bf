import type { Domain } from '../model/domain.js';
import type { AnyRule, RuleMeta } from '../model/rule.js';
import type { DomainId } from '../model/severity.js';

/**
 * A rule as plain data: what config validation, presets and reports need of a rule without its
 * code (id, domain and languages, metadata without the docs examples). Each pack's build writes
 * the entries of its rules (`dist/rule-index.js`), so a scan can know every rule while importing
 * only the packs whose languages it has files of.
 */
export interface IndexedRule {
  id: string;
  domain: { id: DomainId; languages: string[]; fileLocal?: boolean };
  meta: Omit<RuleMeta<Record<string, unknown>>, 'examples'>;
}

/** The index entry of a rule, exactly as it reads back from JSON. */
export function indexedRuleOf(rule: AnyRule): IndexedRule {
  const { examples: _examples, ...meta } = rule.meta;
  const { id, languages, fileLocal } = rule.domain;
  return JSON.parse(JSON.stringify({ id: rule.id, domain: { id, languages, fileLocal }, meta }));
}

/**
 * Rules standing for the entries of a pack that is not loaded. Their domains have no units (a pack
 * is left out only when the scan has no file of any language its domains read), so they are never
 * checked; if one were, it says so instead of passing silently.
 */
export function rulesFromIndex(entries: readonly IndexedRule[]): AnyRule[] {
  const domains = new Map<string, Domain<never>>();
  return entries.map((entry) => {
    // A pack may hold two domains of one id (the Kubernetes pack's Helm values files are fileLocal).
    const key = JSON.stringify(entry.domain);
    let domain = domains.get(key);
    if (!domain) {
      domain = { ...entry.domain, units: () => [] };
      domains.set(key, domain);
    }
    return {
      id: entry.id,
      domain,
      meta: { ...entry.meta, examples: { invalid: [], valid: [] } },
      check() {
        throw new Error(`rule ${entry.id} was not loaded (its pack is only indexed in this scan)`);
      },
    };
  });
}
