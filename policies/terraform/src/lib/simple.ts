import { defineRule, type InvalidExample, type Rule, type RuleExample, type RuleMeta } from '@plumbline/core';
import { asBool, type TfModule, type TfResource } from '@plumbline/lang-hcl';
import { terraformDomain } from '../domain.js';
import { checkRegistryModules } from './registry-modules.js';
import { nameOf, reportOn } from './report.js';

/**
 * A rule of the most common shape: a boolean attribute of some resource types must be `true`.
 * Missing counts as off when the provider default is off (`missingIsOff`).
 */
export function booleanRule(options: {
  id: string;
  types: string[];
  attr: string;
  meta: Omit<RuleMeta, 'examples'> & { examples: { invalid: InvalidExample[]; valid: RuleExample[] } };
  /** What is wrong, given the resource name, for the missing and the false case. */
  missing?: (name: string) => string;
  off: (name: string) => string;
  skip?: (r: TfResource) => boolean;
}): Rule<TfModule> {
  return defineRule({
    id: options.id,
    domain: terraformDomain,
    meta: options.meta,
    check(module, ctx) {
      checkRegistryModules(module, ctx, options.id);
      for (const r of module.resourcesOf(...options.types)) {
        if (options.skip?.(r)) continue;
        const a = r.attr(options.attr);
        if (!a) {
          if (options.missing) reportOn(ctx, r, r.headerLoc, options.missing(nameOf(r)));
        } else if (asBool(r.value(options.attr)) === false) reportOn(ctx, r, a, options.off(nameOf(r)));
      }
    },
  });
}
