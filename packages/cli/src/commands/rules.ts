import {
  type AnyRule,
  compareText,
  DEFAULT_DOCS_BASE,
  describeRule,
  renderRuleDoc,
  renderRuleIndexDoc,
} from '@plumbline/core';
import { ADMISSION_RULE_PREFIX } from '@plumbline/policy/find';
import { customRules, customRulesOf, findCustomPolicies, findPolicyFiles } from '../custom-policies.js';
import type { Io } from '../io.js';
import { createRegistry, loadAllRules } from '../registry.js';
import { UsageError } from './audit.js';

/**
 * `plumbline rules`: every rule with id, title, severity, category, aliases, fixable and docs path;
 * the custom and admission policies of the current directory's repository beside the built-in ones.
 */
export async function rulesCommand(flags: { format: string }, io: Io): Promise<number> {
  const custom = await customRules({ root: io.cwd });
  const rules = [...(await loadAllRules()), ...custom].sort((a, b) => compareText(a.id, b.id));
  switch (flags.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(rules.map(ruleSummary), null, 2)}\n`);
      return 0;
    case 'markdown':
      io.stdout.write(renderRuleIndexDoc(rules));
      return 0;
    case 'text': {
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) {
        const aliases = r.meta.aliases.length ? `  [${r.meta.aliases.join(', ')}]` : '';
        io.stdout.write(
          `${r.id.padEnd(width)}  ${r.meta.severity.padEnd(8)} ${r.meta.category.padEnd(13)} ${r.meta.title}${aliases}\n`,
        );
      }
      io.stdout.write(`\n${rules.length} rules. \`plumbline explain <id>\` shows one in full.\n`);
      return 0;
    }
    default:
      throw new UsageError(`--format must be text, json or markdown (got "${flags.format}")`);
  }
}

export function ruleSummary(rule: AnyRule) {
  const d = describeRule(rule, DEFAULT_DOCS_BASE);
  return {
    id: d.id,
    title: d.title,
    severity: d.severity,
    category: d.category,
    confidence: d.confidence,
    aliases: d.aliases,
    fixable: d.fixable,
    enabledByDefault: !rule.meta.optIn,
    docs: d.docsPath,
  };
}

/**
 * `plumbline explain <id|alias>`: the rule's docs page (a custom policy's is generated from its
 * file). Admission policies are looked for only for a `vap/` id, the only name their rules have:
 * finding them reads every YAML file of the repository (~2 s in the shared corpus) for any other rule.
 */
export async function explainCommand(name: string, io: Io): Promise<number> {
  const custom = name.startsWith(ADMISSION_RULE_PREFIX)
    ? await findCustomPolicies({ root: io.cwd })
    : { policyFiles: await findPolicyFiles({ root: io.cwd }), admission: [] };
  const rules = (await createRegistry(await customRulesOf(custom))).resolve(name);
  if (rules.length === 0)
    throw new UsageError(`unknown rule id or alias "${name}" (see \`plumbline rules\`)`);
  // The docs page without its "generated, do not edit" header, which means nothing on a terminal.
  const pages = rules.map((r) => renderRuleDoc(r).replace(/^<!--.*-->\n/, ''));
  io.stdout.write(pages.join('\n---\n\n'));
  return 0;
}
