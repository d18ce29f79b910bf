import type { ResolvedConfig } from '../../config/config.js';
import type { RuleDescriptor, ScanError } from '../../model/finding.js';
import type { AnyRule, Report } from '../../model/rule.js';
import type { AuditOptions, RawFinding } from '../audit.js';
import { DEFAULT_DOCS_BASE, describeRule, toFinding } from '../finding.js';
import type { RuleRegistry } from '../registry.js';

/**
 * What every stage of one run shares: the config, the errors and raw findings gathered so far,
 * and rule descriptors made once per rule.
 */
export class AuditRun {
  readonly errors: ScanError[] = [];
  readonly raw: RawFinding[] = [];
  readonly config: ResolvedConfig;
  readonly registry: RuleRegistry;
  /**
   * A file named a rule the registry awaits (the scan's admission policies, still being found):
   * this run's result may differ from one with every rule; the pool checks its files again.
   */
  namedAwaitedRule = false;
  private readonly descriptors = new Map<string, RuleDescriptor>();

  constructor(readonly options: AuditOptions) {
    this.config = options.config;
    this.registry = options.registry;
  }

  isEnabled = (rule: AnyRule): boolean => isEnabled(this.config, rule);

  describe = (rule: AnyRule): RuleDescriptor => {
    let descriptor = this.descriptors.get(rule.id);
    if (!descriptor) {
      descriptor = describeRule(rule, this.options.docsBaseUrl ?? DEFAULT_DOCS_BASE);
      this.descriptors.set(rule.id, descriptor);
    }
    return descriptor;
  };

  /** Every rule described so far (those that reported, and those asked about). */
  described(): RuleDescriptor[] {
    return [...this.descriptors.values()];
  }

  /** Records a report of `rule` as a raw finding. */
  report(rule: AnyRule, report: Report, resource?: string): void {
    this.raw.push(toFinding(rule, report, resource, this.config, this.describe));
  }
}

export function isEnabled(config: ResolvedConfig, rule: AnyRule): boolean {
  return config.rules.get(rule.id)?.enabled ?? !rule.meta.optIn;
}

export function enabledRules(registry: RuleRegistry, config: ResolvedConfig): AnyRule[] {
  return registry.rules.filter((rule) => isEnabled(config, rule));
}
