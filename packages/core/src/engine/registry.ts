import type { AnyRule } from '../model/rule.js';
import { normalisePeerId } from '../suppress/directives.js';

/** All known rules, found by id or by any peer alias. */
export class RuleRegistry {
  private readonly byId = new Map<string, AnyRule>();
  private readonly byAlias = new Map<string, AnyRule[]>();

  /**
   * @param scanDefined id prefixes of rules that the scanned files define (`vap/`: one rule per
   *   ValidatingAdmissionPolicy of the scan). A scan of part of a repository may not hold the
   *   file that defines one, so config and ignore comments naming such an id are not wrong.
   * @param scanDefinedFound false while the scanned files are still being searched for them:
   *   the rules are not here yet, so a file naming one cannot be judged (see `awaitsScanDefined`).
   */
  constructor(
    readonly rules: readonly AnyRule[],
    private readonly scanDefined: readonly string[] = [],
    readonly scanDefinedFound = true,
  ) {
    for (const rule of rules) {
      if (this.byId.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
      this.byId.set(rule.id, rule);
      for (const alias of rule.meta.aliases) {
        const key = aliasKey(alias);
        this.byAlias.set(key, [...(this.byAlias.get(key) ?? []), rule]);
      }
    }
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id);
  }

  /** Rules a name refers to: the rule with that id, or every rule carrying it as an alias. */
  resolve(name: string): AnyRule[] {
    const rule = this.byId.get(name);
    if (rule) return [rule];
    return this.byAlias.get(aliasKey(name)) ?? [];
  }

  /** Is `name` the id of a rule the scanned files would define, whether or not this scan holds it? */
  definedByScan(name: string): boolean {
    return this.scanDefined.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
  }

  /**
   * Is `name` a rule the scanned files may define that this registry cannot know yet? A file
   * naming one (an ignore comment) is checked again once they are found (see pool/README.md).
   */
  awaitsScanDefined(name: string): boolean {
    return !this.scanDefinedFound && this.definedByScan(name) && !this.byId.has(name);
  }

  /** The same rules, the search for scan-defined ones done (it found none, or they are among them). */
  withScanDefinedFound(): RuleRegistry {
    return this.scanDefinedFound ? this : new RuleRegistry(this.rules, this.scanDefined, true);
  }

  /** Does `name` (id or alias) designate `rule`? */
  names(rule: AnyRule, name: string): boolean {
    if (name === rule.id || name === '*') return true;
    const key = aliasKey(name);
    return rule.meta.aliases.some((a) => aliasKey(a) === key);
  }
}

export function aliasKey(alias: string): string {
  return normalisePeerId(alias).toLowerCase();
}
