import type { Domain } from '../../model/domain.js';
import type { Project } from '../../model/project.js';
import type { AnyRule, Report } from '../../model/rule.js';
import { unscannableRule } from '../../rules/unscannable.js';
import type { StageTimer } from '../stage-timer.js';
import { fileOfUnit, parserFailureReason } from '../unscannable.js';
import type { AuditRun } from './run-context.js';

/** Enabled rules grouped by the domain they check, core rules left out (the engine reports those). */
export function rulesByDomain(enabled: readonly AnyRule[]): Map<Domain<unknown>, AnyRule[]> {
  // Keyed by the domain itself: a pack may hold two (Kubernetes objects, Helm values files).
  const byDomain = new Map<Domain<unknown>, AnyRule[]>();
  for (const rule of enabled) {
    if (rule.domain.id === 'core') continue;
    byDomain.set(rule.domain, [...(byDomain.get(rule.domain) ?? []), rule]);
  }
  return byDomain;
}

/**
 * The "units" and "check" stages: each domain builds its units from the whole project once
 * (cross-file models such as the Kubernetes graph or Terraform modules are built here), then
 * every enabled rule of the domain checks every unit. A domain or rule that throws becomes an
 * error (and a `core/unscannable` finding on the file it left unchecked); the run goes on.
 */
export function checkUnits(
  run: AuditRun,
  project: Project,
  byDomain: ReadonlyMap<Domain<unknown>, AnyRule[]>,
  timer: StageTimer,
): void {
  const { config, errors } = run;
  /** Rule and file pairs already reported as crashed: one finding each, however many units. */
  const crashed = new Set<string>();
  for (const [domain, rules] of byDomain) {
    let units: unknown[];
    try {
      units = timer.time('units', () => [...domain.units(project)]);
    } catch (error) {
      errors.push({
        kind: 'internal',
        message: `domain ${domain.id} failed: ${(error as Error).stack ?? error}`,
      });
      continue;
    }
    const started = performance.now();
    // Options per rule, made once: rebuilding them for every unit was a third of this stage's own time.
    const options = rules.map((rule) => ({
      ...(rule.meta.options?.defaults ?? {}),
      ...(config.rules.get(rule.id)?.options ?? {}),
    }));
    // One context per rule, its report bound to the unit being checked: a context per unit and
    // rule was ~2 million short-lived objects on a large scan.
    let resource: string | undefined;
    const contexts = rules.map((rule, index) => ({
      options: options[index],
      project,
      report: (report: Report) => run.report(rule, report, resource),
    }));
    for (const unit of units) {
      resource = domain.resourceOf?.(unit);
      for (let index = 0; index < rules.length; index++) {
        const rule = rules[index]!;
        try {
          rule.check(unit, contexts[index]!);
        } catch (error) {
          // A rule that crashed on a file left it unchecked: when the file is known, that is a finding.
          const file = fileOfUnit(unit);
          errors.push({
            kind: 'internal',
            ruleId: rule.id,
            ...(file ? { file: file.path } : {}),
            message: `rule ${rule.id} failed: ${(error as Error).stack ?? error}`,
          });
          const key = `${rule.id}\u0000${file?.path}`;
          if (file && run.isEnabled(unscannableRule) && !crashed.has(key)) {
            crashed.add(key);
            const { reason } = parserFailureReason(error);
            const why = reason.replace(/^the parser failed: /, '');
            run.report(unscannableRule, {
              at: { file, start: 0, end: Math.min(1, file.text.length) },
              message: `Not fully scanned: rule ${rule.id} could not finish on this file (${why}).`,
              evidence: `${rule.id}: ${why}`,
            });
          }
        }
      }
    }
    timer.add('check', performance.now() - started);
  }
}
