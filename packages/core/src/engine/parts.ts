import type { ResolvedConfig } from '../config/config.js';
import { findingFixOf } from '../fix/resolve.js';
import type { FindingFix } from '../model/finding.js';
import type { AnyRule, ReportPart, ReportParts } from '../model/rule.js';
import { type Severity, severityRank } from '../model/severity.js';
import type { RuleRegistry } from './registry.js';

/**
 * A combined finding (one finding per cause, see `Report.parts`) carries the rules it stands for.
 * These helpers keep it honest as config and suppressions narrow the list: its message, severity
 * and aliases always describe the parts that remain.
 */
export interface PartsHolder {
  ruleId: string;
  message: string;
  severity: Severity;
  aliases: string[];
  parts?: ReportParts;
  fix?: FindingFix;
}

/** Drops the parts whose rule is known and turned off; false when no part is left. */
export function narrowPartsByConfig(
  f: PartsHolder,
  registry: RuleRegistry,
  isEnabled: (rule: AnyRule) => boolean,
  config: ResolvedConfig,
): boolean {
  if (!f.parts) return true;
  const items = f.parts.items.filter((p) => {
    const rule = registry.get(p.ruleId);
    return !rule || isEnabled(rule);
  });
  if (items.length === 0) return false;
  // Nothing dropped: the fix the rule reported is already the one for all parts (`Report.fix`),
  // so it is not computed again (that walked the document once more for every finding).
  const narrowed = items.length < f.parts.items.length;
  f.parts = { ...f.parts, items };
  settleParts(f, registry, config, narrowed);
  return true;
}

/** The parts a suppression name (a rule id or a peer alias) designates. */
export function partsNamed(f: PartsHolder, names: readonly string[], registry: RuleRegistry): ReportPart[] {
  if (!f.parts) return [];
  return f.parts.items.filter((p) => {
    const rule = registry.get(p.ruleId);
    return names.some((name) => name === p.ruleId || (rule !== undefined && registry.names(rule, name)));
  });
}

/**
 * Removes `remove` from the finding's parts. Returns 'none-left' when nothing remains (the caller
 * suppresses the whole finding), 'narrowed' otherwise.
 */
export function removeParts(
  f: PartsHolder,
  remove: readonly ReportPart[],
  registry: RuleRegistry,
  config: ResolvedConfig,
): 'narrowed' | 'none-left' {
  if (!f.parts) return 'narrowed';
  const items = f.parts.items.filter((p) => !remove.includes(p));
  if (items.length === 0) return 'none-left';
  f.parts = { ...f.parts, items };
  settleParts(f, registry, config);
  return 'narrowed';
}

/**
 * Message, severity (the worst part, unless the combined rule's severity is configured), aliases
 * and fix (when the rule gives one per set of parts: it adds only what the remaining parts ask for).
 */
export function settleParts(
  f: PartsHolder,
  registry: RuleRegistry,
  config: ResolvedConfig,
  /** False when the parts are still all those reported: the reported fix stands. */
  refix = true,
): void {
  if (!f.parts) return;
  const { items } = f.parts;
  f.message = f.parts.message(items.map((p) => p.label));
  if (f.parts.fix && refix) {
    const fix = f.parts.fix(items.map((p) => p.ruleId));
    const resolved = fix && findingFixOf(fix);
    if (resolved) f.fix = resolved;
    else delete f.fix;
  }
  const own = config.rules.get(f.ruleId)?.severity;
  f.severity =
    own ??
    items
      .map((p) => config.rules.get(p.ruleId)?.severity ?? p.severity)
      .reduce((worst, s) => (severityRank(s) > severityRank(worst) ? s : worst));
  const aliases = [...(registry.get(f.ruleId)?.meta.aliases ?? [])];
  for (const p of items) {
    for (const alias of registry.get(p.ruleId)?.meta.aliases ?? [])
      if (!aliases.includes(alias)) aliases.push(alias);
  }
  f.aliases = aliases;
}
