import { renderRuleDoc, renderRuleIndexDoc } from '@plumbline/core';
import { loadAllRules } from './registry.js';

/** Every generated docs page, path (relative to docs/rules) → content. */
export async function expectedDocs(): Promise<Map<string, string>> {
  const allRules = await loadAllRules();
  const pages = new Map<string, string>();
  for (const rule of allRules) pages.set(`${rule.id}.md`, renderRuleDoc(rule));
  pages.set('README.md', renderRuleIndexDoc(allRules));
  return pages;
}
